/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-appearance.h: how big and how contrasty the app is drawn.
 *
 * One object per process holds the zoom of the main windows' text and
 * charts (50-300 %), the app's own high-contrast switch and the effective
 * high-contrast state (the switch or the system's setting), and keeps them
 * in GSettings so they survive a restart. It installs the CSS that applies
 * them on the default display. Charts ask it whether to draw for high
 * contrast and redraw on notify::high-contrast.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CG_ZOOM_MIN 0.5
#define CG_ZOOM_MAX 3.0
/* The main window's body text at 100 % (style.css says the same). */
#define CG_BASE_FONT_PX 16.0

#define CG_TYPE_APPEARANCE (cg_appearance_get_type ())
G_DECLARE_FINAL_TYPE (CgAppearance, cg_appearance, CG, APPEARANCE, GObject)

/* Created on first use; needs GTK initialised with a display. */
CgAppearance *cg_appearance_get_default (void);

double cg_appearance_get_zoom (CgAppearance *self);
/* Clamped to CG_ZOOM_MIN..CG_ZOOM_MAX. */
void cg_appearance_set_zoom (CgAppearance *self, double zoom);
void cg_appearance_zoom_in (CgAppearance *self);
void cg_appearance_zoom_out (CgAppearance *self);
void cg_appearance_zoom_reset (CgAppearance *self);
/* The next zoom step from @zoom in @direction (+1 or -1), clamped. */
double cg_appearance_zoom_step (double zoom, int direction);

/* The app's own switch, kept in the "high-contrast" setting. */
gboolean cg_appearance_get_force_high_contrast (CgAppearance *self);
void cg_appearance_set_force_high_contrast (CgAppearance *self, gboolean force);
/* The switch or the system's high-contrast setting. */
gboolean cg_appearance_get_high_contrast (CgAppearance *self);
gboolean cg_appearance_get_dark (CgAppearance *self);

/* A partner's @colour ("#rrggbb") as the app shows it: as it is, or in high
 * contrast darkened or lightened with its hue kept until it reaches 7:1
 * against the charts' background and the theme's window, view and card
 * backgrounds (the system's high-contrast theme is not pure white or
 * black). Free it. Widgets that bake it into markup rebuild on
 * notify::high-contrast and notify::dark. */
char *cg_appearance_partner_colour (CgAppearance *self, const char *colour);
/* Redraws @widget (a swatch that draws a partner colour) whenever high
 * contrast or the dark style changes. */
void cg_appearance_redraw_on_change (CgAppearance *self, GtkWidget *widget);

/* The app's settings; NULL when the schema is not installed (an uninstalled
 * run without GSETTINGS_SCHEMA_DIR): the values then live for this run. */
GSettings *cg_appearance_get_settings (CgAppearance *self);
/* The same, for code that only wants to read a key. */
GSettings *cg_settings_get (void);

G_END_DECLS
