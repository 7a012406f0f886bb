/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-grid-table.h: the layout and keyboard movement shared by the capture
 * grids (answers and roles). Rows are items, columns are partners; row 0 and
 * column 0 of the GtkGrid hold the headers. It knows nothing of answers: the
 * grid that owns it fills the cells from the session.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-grid-cell.h"

G_BEGIN_DECLS

typedef struct _CgGridTable CgGridTable;

typedef enum
{
  CG_GRID_NAV_NOT_NAVIGATION, /* not a movement key */
  CG_GRID_NAV_MOVED,
  CG_GRID_NAV_STAY,           /* a movement key at an edge: swallowed */
  CG_GRID_NAV_LEAVE,          /* Tab past the end: let focus leave the grid */
} CgGridNav;

/* The table's GtkGrid is appended to @owner (which must use a layout
 * manager that shows all children, e.g. a GtkBoxLayout). */
CgGridTable *cg_grid_table_new (GtkWidget *owner);
void         cg_grid_table_free (CgGridTable *self);
GtkWidget   *cg_grid_table_get_widget (CgGridTable *self);

/* Drops every header and cell and makes an empty @n_rows x @n_columns
 * table; the caller then sets headers and cell contents. */
void        cg_grid_table_reset (CgGridTable *self, guint n_rows, guint n_columns);
guint       cg_grid_table_get_n_rows (CgGridTable *self);
guint       cg_grid_table_get_n_columns (CgGridTable *self);
CgGridCell *cg_grid_table_get_cell (CgGridTable *self, guint row, guint column);
void        cg_grid_table_set_row_header (CgGridTable *self, guint row, GtkWidget *header);
void        cg_grid_table_set_column_header (CgGridTable *self, guint column, GtkWidget *header);
GtkWidget  *cg_grid_table_get_row_header (CgGridTable *self, guint row);
GtkWidget  *cg_grid_table_get_column_header (CgGridTable *self, guint column);

/* -1 shows every column; otherwise only that one (private entry). */
void        cg_grid_table_set_only_column (CgGridTable *self, int column);
int         cg_grid_table_get_only_column (CgGridTable *self);

/* The cursor is the cell keys act on; it follows focus. Returns FALSE when
 * the table is empty. */
gboolean    cg_grid_table_get_cursor (CgGridTable *self, guint *row, guint *column);
void        cg_grid_table_set_cursor (CgGridTable *self, guint row, guint column, gboolean grab_focus);
gboolean    cg_grid_table_has_focus (CgGridTable *self);

/* Arrows, Home/End, Tab/Shift+Tab and Enter (next partner, then next row). */
CgGridNav   cg_grid_table_navigate (CgGridTable *self, guint keyval, GdkModifierType state);

/* A partner's column header: colour bar, name and organisation. */
GtkWidget  *cg_grid_partner_header_new (const char *name, const char *organisation,
                                        const char *colour, const char *prefix);
/* "Name, Organisation" or "Name" alone. */
char       *cg_grid_partner_display_name (const char *name, const char *organisation);

G_END_DECLS
