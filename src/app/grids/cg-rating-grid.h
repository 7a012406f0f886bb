/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-rating-grid.h: the capture grid for ratings. One row per statement of
 * a lesson (or per candidate aim), one column per partner; each cell edits
 * cg_session_set_rating(). Keys: 1-5 rate, 0 or ? don't know, Backspace or
 * Delete clear, arrows/Home/End/Tab/Enter move.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-capture-grid.h"
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_RATING_GRID (cg_rating_grid_get_type ())
G_DECLARE_FINAL_TYPE (CgRatingGrid, cg_rating_grid, CG, RATING_GRID, CgCaptureGrid)

GtkWidget *cg_rating_grid_new (CgSession *session, CgStage stage);
/* A lesson stage (statements of that lesson) or CG_STAGE_AIMS. */
CgStage cg_rating_grid_get_stage (CgRatingGrid *self);
void cg_rating_grid_set_stage (CgRatingGrid *self, CgStage stage);

/* Accessible value words for a rating of @kind: "Agree (4)", "Very important (4)". */
const char *cg_rating_grid_value_label (CgItemKind kind, CgRating rating);

/* cg_rating_grid_get_session, _set_session, _get_only_partner,
 * _set_only_partner, _handle_key, _get_cursor, _set_cursor, _get_cell,
 * _get_popover: CgCaptureGrid's. */
CG_CAPTURE_GRID_TYPED_METHODS (cg_rating_grid, CgRatingGrid)

G_END_DECLS
