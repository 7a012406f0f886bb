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
/* What a screen reader calls the whole grid. */
void         cg_grid_table_set_label (CgGridTable *self, const char *label);

/* Drops every header and cell and makes an empty @n_rows x @n_columns
 * table; the caller then sets headers and cell contents. */
void        cg_grid_table_reset (CgGridTable *self, guint n_rows, guint n_columns);
guint       cg_grid_table_get_n_rows (CgGridTable *self);
guint       cg_grid_table_get_n_columns (CgGridTable *self);
CgGridCell *cg_grid_table_get_cell (CgGridTable *self, guint row, guint column);
void        cg_grid_table_set_row_header (CgGridTable *self, guint row, GtkWidget *header);
void        cg_grid_table_set_column_header (CgGridTable *self, guint column, GtkWidget *header);
/* Puts @header in place of the column's current one (a partner renamed:
 * the table is not built again for it). */
void        cg_grid_table_replace_column_header (CgGridTable *self, guint column, GtkWidget *header);
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

/* Ctrl+Tab and Ctrl+Shift+Tab leave the grid: puts focus on the last (or
 * first) visible cell so that the window's own focus move goes past the grid.
 * Returns FALSE so the caller lets the key through. */
gboolean    cg_grid_table_leave (CgGridTable *self, guint keyval, GdkModifierType state);

/* Arrows, Home/End, Tab/Shift+Tab and Enter (next partner, then next row). */
CgGridNav   cg_grid_table_navigate (CgGridTable *self, guint keyval, GdkModifierType state);

/* A partner's column header: colour bar, name and organisation, all
 * columns the same width; the tooltip has name, organisation and role. */
GtkWidget  *cg_grid_partner_header_new (const char *name, const char *organisation,
                                        const char *role, const char *colour,
                                        const char *prefix);
/* The one word of a name that fits a cell: the first, or the second when
 * the first is a title ("Dr Priya Nair" gives "Priya"). */
char       *cg_grid_partner_short_name (const char *name);

/* The mouse way to set a cell: a list of choices under @cell (a descendant
 * of @owner, the popover's parent). Each button's "clicked" goes to
 * @clicked with @data; cg_grid_choice_get_value() tells its value. The
 * choice equal to @current is marked "(current)". The list does not take
 * the focus from the cell; the grid closes it on its next key. */
void        cg_grid_popup_choices (GtkPopover *popover, GtkWidget *owner, GtkWidget *cell,
                                   const char *const *labels, const guint *values,
                                   guint n_choices, guint current,
                                   GCallback clicked, gpointer data);
guint       cg_grid_choice_get_value (GtkWidget *choice);
/* "Name, Organisation" or "Name" alone. */
char       *cg_grid_partner_display_name (const char *name, const char *organisation);

G_END_DECLS
