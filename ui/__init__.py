"""The Streamlit side that is not a page: the pages registry, URL and session state, the
interface language, cached library access and the session's tours."""
