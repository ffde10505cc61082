"""Step 3, Fagprofiler (blocks and local profiles): its view and the widgets only it uses."""
