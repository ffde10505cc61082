"""The Textual screens of fagworkshop: the app shell, home, the seven steps."""
