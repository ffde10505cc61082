"""Step 2, Basiskompetencer (basic competences): its view and the widgets only it uses."""
