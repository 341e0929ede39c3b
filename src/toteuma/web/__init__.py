"""The Django web application (johdon työpöytä, the management dashboard); see docs/decisions.md."""
