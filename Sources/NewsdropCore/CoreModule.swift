// The NewsdropCore module: intake → journal → query.
