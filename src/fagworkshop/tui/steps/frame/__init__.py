"""Step 1, Ramme (frame): its view and the widgets only it uses."""
