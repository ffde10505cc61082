"""Step 7, Opsamling (summary): its view and the widgets only it uses."""
