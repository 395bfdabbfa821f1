# Themes: installed to $(pkgdatadir)/themes.
themesdir = $(pkgdatadir)/themes
dist_themes_DATA = themes/default.theme themes/light.theme themes/high-contrast.theme
