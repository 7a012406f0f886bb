/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-capture-grid.h: what the capture grids (answers and roles) share.
 *
 * Rows are items (statements, aims or tasks), columns are partners; row 0
 * and column 0 of the GtkGrid inside hold the headers. The grid owns the
 * session, the cursor and the keys that move it, the list of choices a
 * click opens, the text shown while there is nothing to answer, private
 * entry (one partner's column only) and catching up when shown. A subclass
 * says what its rows are, what a cell shows and which value a key sets.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-grid-cell.h"
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_CAPTURE_GRID (cg_capture_grid_get_type ())
G_DECLARE_DERIVABLE_TYPE (CgCaptureGrid, cg_capture_grid, CG, CAPTURE_GRID, GtkWidget)

struct _CgCaptureGridClass
{
  GtkWidgetClass parent_class;

  /* The change that is an answer in one of its cells (a = partner id,
   * b = row id), and the one that is a row's text (a = row id). */
  CgChangeKind answer_change;
  CgChangeKind row_change;
  /* The row headers' width in characters: at least, at most. */
  int row_width_chars;
  int row_max_width_chars;

  /* The ids of its rows, in order (only called with a session). */
  void (*collect_rows) (CgCaptureGrid *self, GArray *row_ids);
  /* Whether an ITEM_ or TASK_ ADDED, REMOVED or MOVED change concerns its
   * rows: then the grid is built again. */
  gboolean (*owns_change) (CgCaptureGrid *self, CgChangeKind kind, guint id);
  const char *(*row_text) (CgCaptureGrid *self, guint row_id);
  /* What a screen reader calls the whole grid; what it shows with
   * partners but no rows. */
  void (*describe) (CgCaptureGrid *self, const char **label, const char **no_rows);
  /* Writes @cell from the session. @who is "Name, Organisation"; @visible
   * is FALSE while answers are hidden until revealed. */
  void (*fill_cell) (CgCaptureGrid *self,
                     CgGridCell *cell,
                     guint row_id,
                     guint partner_id,
                     const char *who,
                     gboolean visible);
  /* Optional: whether the cell shows partner @named, so that renaming it
   * rewrites the cell (its own column always is). */
  gboolean (*cell_names) (CgCaptureGrid *self, guint row_id, guint partner_id, guint named);
  /* A cell's value (0 is unanswered), the value a key gives it (FALSE for
   * a key that is not an answer) and writing it to the session. */
  guint (*get_value) (CgCaptureGrid *self, guint row_id, guint partner_id);
  gboolean (*key_to_value) (CgCaptureGrid *self, guint keyval, guint current, guint *value);
  void (*set_value) (CgCaptureGrid *self, guint row_id, guint partner_id, guint value);
  /* The list a click or Space opens: @labels (char *, owned by the array)
   * and the same number of @values (guint). */
  void (*list_choices) (CgCaptureGrid *self, GPtrArray *labels, GArray *values);
};

CgSession *cg_capture_grid_get_session (CgCaptureGrid *self);
void cg_capture_grid_set_session (CgCaptureGrid *self, CgSession *session);
/* Private entry: only this partner's column is shown; 0 shows all. */
guint cg_capture_grid_get_only_partner (CgCaptureGrid *self);
void cg_capture_grid_set_only_partner (CgCaptureGrid *self, guint partner_id);

/* What the grid's key controller calls; TRUE when the key was used.
 * Answer keys as the subclass says; arrows, Home/End, Tab/Shift+Tab and
 * Enter (next partner, then next row) move; Ctrl+Tab leaves the grid. */
gboolean cg_capture_grid_handle_key (CgCaptureGrid *self, guint keyval, GdkModifierType state);
/* The cursor is the cell keys act on; it follows focus. FALSE when empty. */
gboolean cg_capture_grid_get_cursor (CgCaptureGrid *self, guint *row, guint *column);
void cg_capture_grid_set_cursor (CgCaptureGrid *self, guint row, guint column);
/* The id of the row (item or task) the cursor is on; 0 when empty. */
guint cg_capture_grid_get_cursor_id (CgCaptureGrid *self);
/* The cell widget (a CgGridCell) at @row, @column, or NULL. */
GtkWidget *cg_capture_grid_get_cell (CgCaptureGrid *self, guint row, guint column);
/* The list of choices a click or Space on a cell opens (for tests). */
GtkWidget *cg_capture_grid_get_popover (CgCaptureGrid *self);

/* For subclasses. The stage whose "answers hidden" applies (and, for the
 * rating grid, whose items are the rows); setting it builds the grid again. */
CgStage cg_capture_grid_get_stage (CgCaptureGrid *self);
void cg_capture_grid_set_stage (CgCaptureGrid *self, CgStage stage);
/* Partners' column headers show their number (the keys that name them). */
void cg_capture_grid_set_numbered (CgCaptureGrid *self, gboolean numbered);
/* What the subclass shows changed in kind: builds the grid again. */
void cg_capture_grid_rebuild (CgCaptureGrid *self);
gboolean cg_capture_grid_has_row (CgCaptureGrid *self, guint row_id);

/* The one word of a name that fits a cell: the first, or the second when
 * the first is a title ("Dr Priya Nair" gives "Priya"). */
char *cg_grid_partner_short_name (const char *name);

/* For a subclass's class_init: its methods are its static functions of
 * the same names (collect_rows, owns_change, row_text, describe, fill_cell,
 * get_value, key_to_value, set_value, list_choices), as G_DEFINE_TYPE
 * expects NAME_init. The optional cell_names is set by hand. */
#define CG_CAPTURE_GRID_CLASS_BIND_METHODS(grid_class)                                             \
  G_STMT_START                                                                                     \
  {                                                                                                \
    (grid_class)->collect_rows = collect_rows;                                                     \
    (grid_class)->owns_change = owns_change;                                                       \
    (grid_class)->row_text = row_text;                                                             \
    (grid_class)->describe = describe;                                                             \
    (grid_class)->fill_cell = fill_cell;                                                           \
    (grid_class)->get_value = get_value;                                                           \
    (grid_class)->key_to_value = key_to_value;                                                     \
    (grid_class)->set_value = set_value;                                                           \
    (grid_class)->list_choices = list_choices;                                                     \
  }                                                                                                \
  G_STMT_END

/* Gives a subclass the shared methods under its own prefix, typed for it
 * (cg_rating_grid_set_cursor (grid, 0, 0)): PREFIX_get_session,
 * _set_session, _get_only_partner, _set_only_partner, _handle_key,
 * _get_cursor, _set_cursor, _get_cell and _get_popover. */
#define CG_CAPTURE_GRID_TYPED_METHODS(prefix, Type)                                                \
  static inline CgSession *prefix##_get_session (Type *self)                                       \
  {                                                                                                \
    return cg_capture_grid_get_session (CG_CAPTURE_GRID (self));                                   \
  }                                                                                                \
  static inline void prefix##_set_session (Type *self, CgSession *session)                         \
  {                                                                                                \
    cg_capture_grid_set_session (CG_CAPTURE_GRID (self), session);                                 \
  }                                                                                                \
  static inline guint prefix##_get_only_partner (Type *self)                                       \
  {                                                                                                \
    return cg_capture_grid_get_only_partner (CG_CAPTURE_GRID (self));                              \
  }                                                                                                \
  static inline void prefix##_set_only_partner (Type *self, guint partner_id)                      \
  {                                                                                                \
    cg_capture_grid_set_only_partner (CG_CAPTURE_GRID (self), partner_id);                         \
  }                                                                                                \
  static inline gboolean prefix##_handle_key (Type *self, guint keyval, GdkModifierType state)     \
  {                                                                                                \
    return cg_capture_grid_handle_key (CG_CAPTURE_GRID (self), keyval, state);                     \
  }                                                                                                \
  static inline gboolean prefix##_get_cursor (Type *self, guint *row, guint *column)               \
  {                                                                                                \
    return cg_capture_grid_get_cursor (CG_CAPTURE_GRID (self), row, column);                       \
  }                                                                                                \
  static inline void prefix##_set_cursor (Type *self, guint row, guint column)                     \
  {                                                                                                \
    cg_capture_grid_set_cursor (CG_CAPTURE_GRID (self), row, column);                              \
  }                                                                                                \
  static inline GtkWidget *prefix##_get_cell (Type *self, guint row, guint column)                 \
  {                                                                                                \
    return cg_capture_grid_get_cell (CG_CAPTURE_GRID (self), row, column);                         \
  }                                                                                                \
  static inline GtkWidget *prefix##_get_popover (Type *self)                                       \
  {                                                                                                \
    return cg_capture_grid_get_popover (CG_CAPTURE_GRID (self));                                   \
  }

G_END_DECLS
