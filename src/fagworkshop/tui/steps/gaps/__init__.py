"""Step 5, Kompetencehuller (gaps): its view and the widgets only it uses."""
