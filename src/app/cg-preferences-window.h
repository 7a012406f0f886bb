/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-preferences-window.h: Preferences (Ctrl+comma): text size, high
 * contrast, the timer's presets, and whether new sessions hide answers
 * until they are revealed. Every row edits a GSettings key at once. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CG_TYPE_PREFERENCES_WINDOW (cg_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (
  CgPreferencesWindow, cg_preferences_window, CG, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWindow *cg_preferences_window_new (GtkWindow *parent);

/* "2, 5, 10, 15" to minutes; FALSE (and nothing set) when any part is not
 * a whole number of minutes from 1 to 180, or there are none or over 8. */
gboolean cg_preferences_parse_presets (const char *text, GArray **minutes);
/* Whether new sessions start with answers hidden (FALSE without settings). */
gboolean cg_preferences_get_answers_hidden_default (void);

G_END_DECLS
