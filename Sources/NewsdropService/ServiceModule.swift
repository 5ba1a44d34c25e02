// The NewsdropService module: drop-folder watching, systemd protocols, configuration.
