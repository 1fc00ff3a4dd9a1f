"""The site's SVG figures, drawn from fixed geometry and committed measurements."""
