"""Regional policy profiles: the typed profile (profile.py), its field metadata (fields.py), the one loader
(loader.py), ability-grade names (grades.py) and the line finder for TOML files (toml_lines.py)."""
from .loader import ProfileError, ProfileProblem, build, check, load_text, to_data
from .profile import PolicyProfile

__all__ = ["PolicyProfile", "ProfileError", "ProfileProblem", "build", "check", "load_text", "to_data"]
