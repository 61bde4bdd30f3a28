"""Build stage: the site's pages from content, the engine run, and publishing in one step."""
