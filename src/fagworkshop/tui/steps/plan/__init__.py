"""Step 6, Handlingsplan (plan): its view and the widgets only it uses."""
