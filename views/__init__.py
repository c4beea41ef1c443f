"""Streamlit pages. Thin: each page reads the shared state and composes components."""
