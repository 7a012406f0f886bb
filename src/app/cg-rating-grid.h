/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-rating-grid.h: the capture grid for ratings. One row per statement of
 * a lesson (or per candidate aim), one column per partner; each cell edits
 * cg_session_set_rating(). Keys: 1-5 rate, 0 or ? don't know, Backspace or
 * Delete clear, arrows/Home/End/Tab/Enter move.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_RATING_GRID (cg_rating_grid_get_type ())
G_DECLARE_FINAL_TYPE (CgRatingGrid, cg_rating_grid, CG, RATING_GRID, GtkWidget)

GtkWidget  *cg_rating_grid_new (CgSession *session, CgStage stage);
CgSession  *cg_rating_grid_get_session (CgRatingGrid *self);
void        cg_rating_grid_set_session (CgRatingGrid *self, CgSession *session);
/* A lesson stage (statements of that lesson) or CG_STAGE_AIMS. */
CgStage     cg_rating_grid_get_stage (CgRatingGrid *self);
void        cg_rating_grid_set_stage (CgRatingGrid *self, CgStage stage);
/* Private entry: only this partner's column is shown; 0 shows all. */
guint       cg_rating_grid_get_only_partner (CgRatingGrid *self);
void        cg_rating_grid_set_only_partner (CgRatingGrid *self, guint partner_id);

/* What the grid's key controller calls; TRUE when the key was used. */
gboolean    cg_rating_grid_handle_key (CgRatingGrid *self, guint keyval, GdkModifierType state);
gboolean    cg_rating_grid_get_cursor (CgRatingGrid *self, guint *row, guint *column);
void        cg_rating_grid_set_cursor (CgRatingGrid *self, guint row, guint column);
/* The cell widget (a CgGridCell) at @row, @column, or NULL. */
GtkWidget  *cg_rating_grid_get_cell (CgRatingGrid *self, guint row, guint column);

/* Accessible value words for a rating of @kind: "Agree (4)", "Very important (4)". */
const char *cg_rating_grid_value_label (CgItemKind kind, CgRating rating);

/* The list of choices a click or Space on a cell opens (for tests). */
GtkWidget  *cg_rating_grid_get_popover (CgRatingGrid *self);

G_END_DECLS
