"""Content stage: files under content/ read strictly, as typed models with their places in the files."""
