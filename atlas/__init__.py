"""Transformation Atlas: the case library's schema, loader, queries and charts.

Nothing in this package imports Streamlit: it is the data side of the app, and it is
tested on its own. The Streamlit side lives in app.py, app_pages/, ui/ and components/.
"""
