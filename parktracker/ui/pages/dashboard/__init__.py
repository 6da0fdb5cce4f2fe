"""The dashboard page (总览) and what it is made of: the page, its fetching, its cards' words and
its reporting note."""
