"""What the application composes around the chain: About (the versions and sources of
every data file), the sample assessment of the first start, and the JSON Schemas of
the file formats. Only the GUI and the command line import it."""
