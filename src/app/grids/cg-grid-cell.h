/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-grid-cell.h: one focusable answer cell of a capture grid.
 *
 * A button so that it is focusable, clickable and has an AT-SPI "click"
 * action; it shows a short value and carries a full spoken label. It holds
 * no answer: the grid that owns it writes what the session says.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_GRID_CELL (cg_grid_cell_get_type ())
G_DECLARE_FINAL_TYPE (CgGridCell, cg_grid_cell, CG, GRID_CELL, GtkButton)

GtkWidget *cg_grid_cell_new (guint row, guint column);
guint cg_grid_cell_get_row (CgGridCell *self);
guint cg_grid_cell_get_column (CgGridCell *self);
/* @text is what the cell shows, @accessible_label what a screen reader
 * says, @value_class a CSS class for the value (NULL for none). */
void cg_grid_cell_set_content (CgGridCell *self,
                               const char *text,
                               const char *accessible_label,
                               const char *value_class);
const char *cg_grid_cell_get_text (CgGridCell *self);
const char *cg_grid_cell_get_accessible_label (CgGridCell *self);

/* Loads the grids' style sheet once for the default display. */
void cg_grid_ensure_style (void);

G_END_DECLS
