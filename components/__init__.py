"""Streamlit building blocks: functions of data that draw, and never load anything."""
