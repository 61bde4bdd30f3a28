"""Check stage: pure rules over loaded models; every finding is a coded `Problem`."""
