/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-capture-grid"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-appearance.h"
#include "cg-capture-grid.h"
#include "cg-types.h"

typedef enum {
  NAV_NOT_NAVIGATION, /* not a movement key */
  NAV_MOVED,
  NAV_STAY,  /* a movement key at an edge: swallowed */
  NAV_LEAVE, /* Tab past the end: let focus leave the grid */
} Nav;

typedef struct
{
  /* Owned */
  CgSession *session;
  GArray *row_ids;     /* guint, one per row */
  GArray *partner_ids; /* guint, one per column */
  GPtrArray *cells;    /* row-major CgGridCell* */
  GPtrArray *row_headers;
  GPtrArray *col_headers;
  GtkSizeGroup *column_widths; /* every partner's column as wide as the widest */
  CgStage stage;
  guint only_partner;
  int only_column; /* -1: every column shown */
  guint cursor_row;
  guint cursor_column;
  gboolean numbered;
  gboolean partners_stale; /* partners renamed while the grid was not shown */

  /* Borrowed: owned by the widget tree */
  GtkWidget *grid;
  GtkWidget *empty_label;
  GtkWidget *popover; /* the mouse way to answer: a list under the cell */
} CgCaptureGridPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CgCaptureGrid, cg_capture_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STAGE,
  PROP_ONLY_PARTNER,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

#define PRIV(self) ((CgCaptureGridPrivate *) cg_capture_grid_get_instance_private (self))
#define CLASS(self) CG_CAPTURE_GRID_GET_CLASS (self)

static guint
n_rows (CgCaptureGrid *self)
{
  return PRIV (self)->row_ids->len;
}

static guint
n_columns (CgCaptureGrid *self)
{
  return PRIV (self)->partner_ids->len;
}

static guint
row_id (CgCaptureGrid *self,
        guint          row)
{
  return g_array_index (PRIV (self)->row_ids, guint, row);
}

static guint
partner_id (CgCaptureGrid *self,
            guint          column)
{
  return g_array_index (PRIV (self)->partner_ids, guint, column);
}

static CgGridCell *
cell_at (CgCaptureGrid *self,
         guint          row,
         guint          column)
{
  return g_ptr_array_index (PRIV (self)->cells, row * n_columns (self) + column);
}

static int
find_id (GArray *ids,
         guint   id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, guint, i) == id)
      return i;
  return -1;
}

/* Partner headers */

static void
draw_colour (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  g_autofree char *colour = cg_appearance_partner_colour (
    cg_appearance_get_default (), g_object_get_data (G_OBJECT (area), "cg-colour"));
  GdkRGBA rgba;

  /* High contrast draws the partner's colour as the charts do (7:1). */
  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    return;
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static GtkWidget *
header_label (const char *text,
              const char *css_class,
              int         chars,
              int         lines)
{
  GtkWidget *label = gtk_label_new (text);

  /* Every column gets the same width: a fixed number of characters, wrapped
   * onto two lines (the caption's characters are smaller), so long names and organisations stay readable and the
   * columns line up whatever the names. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), lines);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), chars * 2 / 3);
  gtk_label_set_max_width_chars (GTK_LABEL (label), chars);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A partner's column header: colour bar, name and organisation, all
 * columns the same width; the tooltip has name, organisation and role. */
static GtkWidget *
partner_header_new (const CgPartner *partner,
                    const char      *prefix)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *bar = gtk_drawing_area_new ();
  const char *organisation = partner->organisation;
  g_autofree char *title =
    prefix != NULL ? g_strdup_printf ("%s %s", prefix, partner->name) : g_strdup (partner->name);
  GtkWidget *org_label = header_label (organisation, "partner-organisation", 14, 2);
  g_autoptr (GString) tip = g_string_new (partner->name);

  g_object_set_data_full (G_OBJECT (bar), "cg-colour", g_strdup (partner->colour), g_free);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (bar), 10);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (bar), draw_colour, NULL, NULL);
  cg_appearance_redraw_on_change (cg_appearance_get_default (), bar);
  gtk_widget_add_css_class (bar, "colour-bar");
  gtk_widget_set_valign (bar, GTK_ALIGN_START);
  gtk_widget_add_css_class (org_label, "dim-label");
  gtk_widget_add_css_class (org_label, "caption");
  gtk_widget_set_visible (org_label, organisation != NULL && *organisation != '\0');
  /* Colour bars line up along the top; names start just under them. */
  gtk_widget_set_valign (box, GTK_ALIGN_FILL);
  gtk_box_append (GTK_BOX (box), bar);
  /* ...and names end level just above the cells, however many lines each takes. */
  gtk_widget_set_vexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (text), header_label (title, "partner-name", 10, 3));
  gtk_box_append (GTK_BOX (text), org_label);
  gtk_box_append (GTK_BOX (box), text);
  /* Whatever the two lines could not hold, the pointer shows in full. */
  if (organisation != NULL && *organisation != '\0')
    g_string_append_printf (tip, "\n%s", organisation);
  if (partner->role != NULL && *partner->role != '\0')
    g_string_append_printf (tip, "\n%s", partner->role);
  gtk_widget_set_tooltip_text (box, tip->str);
  return box;
}

/* "Name, Organisation" or "Name" alone. */
static char *
partner_display_name (const CgPartner *partner)
{
  if (partner->organisation == NULL || *partner->organisation == '\0')
    return g_strdup (partner->name);
  /* TRANSLATORS: a partner as a screen reader names it: "Name, Organisation" */
  return g_strdup_printf (_("%s, %s"), partner->name, partner->organisation);
}

char *
cg_grid_partner_short_name (const char *name)
{
  g_auto (GStrv) words = NULL;
  const char *shown = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  words = g_strsplit_set (name, " \t", -1);
  /* The first word that is not a title; a title only when nothing else is left. */
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (shown == NULL)
          shown = words[i];
        if (!cg_name_word_is_title (words[i]))
          return g_strdup (words[i]);
      }
  return g_strdup (shown != NULL ? shown : name);
}

static GtkWidget *
column_header_new (CgCaptureGrid *self,
                   guint          column)
{
  CgCaptureGridPrivate *priv = PRIV (self);
  g_autofree char *number = g_strdup_printf ("%u", column + 1);

  return partner_header_new (cg_session_lookup_partner (priv->session, partner_id (self, column)),
                             priv->numbered ? number : NULL);
}

static GtkWidget *
row_header_new (CgCaptureGrid *self,
                guint          row)
{
  g_autofree char *title =
    g_strdup_printf ("%u. %s", row + 1, CLASS (self)->row_text (self, row_id (self, row)));
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), CLASS (self)->row_max_width_chars);
  gtk_label_set_width_chars (GTK_LABEL (label), CLASS (self)->row_width_chars);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, FALSE);
  gtk_widget_add_css_class (label, "row-header");
  return label;
}

/* Layout: headers, cells and which columns show */

static void
set_column_header (CgCaptureGrid *self,
                   guint          column,
                   GtkWidget     *header)
{
  CgCaptureGridPrivate *priv = PRIV (self);

  g_ptr_array_index (priv->col_headers, column) = header;
  gtk_widget_add_css_class (header, "column-header");
  gtk_size_group_add_widget (priv->column_widths, header);
  gtk_widget_set_visible (header, priv->only_column < 0 || (int) column == priv->only_column);
  gtk_grid_attach (GTK_GRID (priv->grid), header, column + 1, 0, 1, 1);
}

/* A partner renamed: its header is put in place, the table is not built again. */
static void
replace_column_header (CgCaptureGrid *self,
                       guint          column)
{
  CgCaptureGridPrivate *priv = PRIV (self);
  GtkWidget *old = g_ptr_array_index (priv->col_headers, column);

  gtk_size_group_remove_widget (priv->column_widths, old);
  gtk_grid_remove (GTK_GRID (priv->grid), old);
  set_column_header (self, column, column_header_new (self, column));
}

static void
remove_all (CgCaptureGrid *self)
{
  CgCaptureGridPrivate *priv = PRIV (self);
  GtkWidget *child;

  for (guint c = 0; c < priv->col_headers->len; c++)
    gtk_size_group_remove_widget (priv->column_widths, g_ptr_array_index (priv->col_headers, c));
  while ((child = gtk_widget_get_first_child (priv->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (priv->grid), child);
  g_ptr_array_set_size (priv->cells, 0);
  g_ptr_array_set_size (priv->row_headers, 0);
  g_ptr_array_set_size (priv->col_headers, 0);
}

static gboolean
has_focus (CgCaptureGrid *self)
{
  GtkWidget *grid = PRIV (self)->grid;
  GtkRoot *root = gtk_widget_get_root (grid);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, grid);
}

static void
toggle_class (GtkWidget  *widget,
              const char *css_class,
              gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* The row and column of the cursor are marked in the headers too, so the
 * back of the room can follow whose answer to which statement is typed. */
static void
set_cursor_marks (CgCaptureGrid *self,
                  gboolean       on)
{
  CgCaptureGridPrivate *priv = PRIV (self);

  if (priv->cursor_row < priv->row_headers->len)
    toggle_class (g_ptr_array_index (priv->row_headers, priv->cursor_row), "cursor", on);
  if (priv->cursor_column < priv->col_headers->len)
    toggle_class (g_ptr_array_index (priv->col_headers, priv->cursor_column), "cursor", on);
}

static void
move_cursor (CgCaptureGrid *self,
             guint          row,
             guint          column,
             gboolean       grab_focus)
{
  CgCaptureGridPrivate *priv = PRIV (self);

  set_cursor_marks (self, FALSE);
  priv->cursor_row = row;
  priv->cursor_column = column;
  set_cursor_marks (self, TRUE);
  if (grab_focus)
    gtk_widget_grab_focus (GTK_WIDGET (cell_at (self, row, column)));
}

static void
on_cell_focus (GtkWidget     *cell,
               GParamSpec    *pspec,
               CgCaptureGrid *self)
{
  if (gtk_widget_has_focus (cell))
    move_cursor (self, cg_grid_cell_get_row (CG_GRID_CELL (cell)),
                 cg_grid_cell_get_column (CG_GRID_CELL (cell)), FALSE);
}

/* Shows every partner's column, or during private entry only one. */
static void
show_columns (CgCaptureGrid *self)
{
  CgCaptureGridPrivate *priv = PRIV (self);
  int column = -1;

  if (priv->session != NULL && priv->only_partner != 0)
    column = find_id (priv->partner_ids, priv->only_partner);
  priv->only_column = column;
  for (guint c = 0; c < n_columns (self); c++)
    {
      gboolean visible = column < 0 || (int) c == column;

      if (c < priv->col_headers->len)
        gtk_widget_set_visible (g_ptr_array_index (priv->col_headers, c), visible);
      for (guint r = 0; r < n_rows (self); r++)
        gtk_widget_set_visible (GTK_WIDGET (cell_at (self, r, c)), visible);
    }
}

static void
apply_only_partner (CgCaptureGrid *self)
{
  CgCaptureGridPrivate *priv = PRIV (self);
  gboolean had_focus = has_focus (self);

  show_columns (self);
  if (priv->only_column >= 0 && n_rows (self) > 0)
    move_cursor (self, priv->cursor_row, priv->only_column, had_focus);
}

/* Cells */

/* Writes one cell from the session: the only place a cell gets its value. */
static void
update_cell (CgCaptureGrid *self,
             guint          row,
             guint          column)
{
  CgCaptureGridPrivate *priv = PRIV (self);
  const CgPartner *partner = cg_session_lookup_partner (priv->session, partner_id (self, column));
  g_autofree char *who = NULL;

  if (partner == NULL)
    return;
  who = partner_display_name (partner);
  CLASS (self)->fill_cell (self, cell_at (self, row, column), row_id (self, row), partner->id, who,
                           cg_session_answers_visible (priv->session, priv->stage));
}

static void
update_row (CgCaptureGrid *self,
            guint          row)
{
  for (guint c = 0; c < n_columns (self); c++)
    update_cell (self, row, c);
}

static void on_cell_clicked (GtkWidget *cell, CgCaptureGrid *self);

static void
add_cells (CgCaptureGrid *self)
{
  CgCaptureGridPrivate *priv = PRIV (self);

  for (guint r = 0; r < n_rows (self); r++)
    for (guint c = 0; c < n_columns (self); c++)
      {
        GtkWidget *cell = cg_grid_cell_new (r, c);

        g_signal_connect (cell, "notify::has-focus", G_CALLBACK (on_cell_focus), self);
        g_signal_connect (cell, "clicked", G_CALLBACK (on_cell_clicked), self);
        gtk_grid_attach (GTK_GRID (priv->grid), cell, c + 1, r + 1, 1, 1);
        g_ptr_array_add (priv->cells, cell);
      }
}

static void
add_headers (CgCaptureGrid *self)
{
  CgCaptureGridPrivate *priv = PRIV (self);

  g_ptr_array_set_size (priv->col_headers, n_columns (self));
  for (guint r = 0; r < n_rows (self); r++)
    {
      GtkWidget *header = row_header_new (self, r);

      g_ptr_array_add (priv->row_headers, header);
      gtk_grid_attach (GTK_GRID (priv->grid), header, 0, r + 1, 1, 1);
    }
  for (guint c = 0; c < n_columns (self); c++)
    set_column_header (self, c, column_header_new (self, c));
}

static void
collect_ids (CgCaptureGrid *self)
{
  CgCaptureGridPrivate *priv = PRIV (self);

  g_array_set_size (priv->row_ids, 0);
  g_array_set_size (priv->partner_ids, 0);
  if (priv->session == NULL)
    return;
  CLASS (self)->collect_rows (self, priv->row_ids);
  for (guint c = 0; c < cg_session_get_n_partners (priv->session); c++)
    g_array_append_val (priv->partner_ids, cg_session_get_partner (priv->session, c)->id);
  if (priv->only_partner != 0 && find_id (priv->partner_ids, priv->only_partner) < 0)
    priv->only_partner = 0;
}

static void
update_empty_label (CgCaptureGrid *self)
{
  CgCaptureGridPrivate *priv = PRIV (self);
  const char *label, *no_rows;

  CLASS (self)->describe (self, &label, &no_rows);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->grid), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_visible (priv->empty_label, n_rows (self) == 0 || n_columns (self) == 0);
  gtk_label_set_text (GTK_LABEL (priv->empty_label),
                      n_columns (self) == 0 ? _("No partners yet. Add them in the Partners stage.")
                                            : no_rows);
}

/* Structure changed (rows or partners added, removed, moved, a load): the
 * only case the grid is built again. The cursor stays where it was, as far
 * as the new size allows (the headers get its marks when it next moves). */
void
cg_capture_grid_rebuild (CgCaptureGrid *self)
{
  CgCaptureGridPrivate *priv = PRIV (self);
  gboolean had_focus = has_focus (self);

  g_return_if_fail (CG_IS_CAPTURE_GRID (self));
  gtk_popover_popdown (GTK_POPOVER (priv->popover));
  remove_all (self);
  collect_ids (self);
  add_cells (self);
  show_columns (self);
  if (n_rows (self) > 0 && n_columns (self) > 0)
    {
      priv->cursor_row = MIN (priv->cursor_row, n_rows (self) - 1);
      priv->cursor_column = priv->only_column >= 0
                              ? (guint) priv->only_column
                              : MIN (priv->cursor_column, n_columns (self) - 1);
      move_cursor (self, priv->cursor_row, priv->cursor_column, had_focus);
    }
  add_headers (self);
  update_empty_label (self);
  for (guint r = 0; r < n_rows (self); r++)
    update_row (self, r);
}

/* Session changes */

static void
on_row_changed (CgCaptureGrid *self,
                guint          id)
{
  int row = find_id (PRIV (self)->row_ids, id);
  g_autofree char *title = NULL;

  if (row < 0)
    return;
  title = g_strdup_printf ("%d. %s", row + 1, CLASS (self)->row_text (self, id));
  gtk_label_set_text (GTK_LABEL (g_ptr_array_index (PRIV (self)->row_headers, row)), title);
  update_row (self, row);
}

static gboolean
cell_names (CgCaptureGrid *self,
            guint          row,
            guint          column,
            guint          named)
{
  CgCaptureGridClass *klass = CLASS (self);

  return klass->cell_names != NULL &&
         klass->cell_names (self, row_id (self, row), partner_id (self, column), named);
}

/* A partner's name, organisation, role or colour: its header and the
 * spoken names of its cells, and any cell that names it. Typing a name
 * changes it at every key, so the grid is not built again for it; a grid
 * not on screen catches up when it is shown. */
static void
on_partner_changed (CgCaptureGrid *self,
                    guint          id)
{
  CgCaptureGridPrivate *priv = PRIV (self);
  int column = find_id (priv->partner_ids, id);

  if (column < 0 || cg_session_lookup_partner (priv->session, id) == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->partners_stale = TRUE;
      return;
    }
  replace_column_header (self, column);
  for (guint r = 0; r < n_rows (self); r++)
    for (guint c = 0; c < n_columns (self); c++)
      if ((int) c == column || cell_names (self, r, c, id))
        update_cell (self, r, c);
}

static void
cg_capture_grid_map (GtkWidget *widget)
{
  CgCaptureGrid *self = CG_CAPTURE_GRID (widget);
  CgCaptureGridPrivate *priv = PRIV (self);

  GTK_WIDGET_CLASS (cg_capture_grid_parent_class)->map (widget);
  if (priv->partners_stale)
    {
      priv->partners_stale = FALSE;
      for (guint c = 0; c < n_columns (self); c++)
        on_partner_changed (self, partner_id (self, c));
    }
}

static void
on_session_changed (CgSession     *session,
                    CgChangeKind   kind,
                    guint          a,
                    guint          b,
                    CgCaptureGrid *self)
{
  CgCaptureGridClass *klass = CLASS (self);
  int row, column;

  if (kind == klass->answer_change)
    {
      row = find_id (PRIV (self)->row_ids, b);
      column = find_id (PRIV (self)->partner_ids, a);
      if (row >= 0 && column >= 0)
        update_cell (self, row, column);
      return;
    }
  if (kind == klass->row_change)
    {
      on_row_changed (self, a);
      return;
    }
  switch (kind)
    {
    case CG_CHANGE_OPTIONS:
      for (guint r = 0; r < n_rows (self); r++)
        update_row (self, r);
      break;
    case CG_CHANGE_ITEM_ADDED:
    case CG_CHANGE_ITEM_REMOVED:
    case CG_CHANGE_ITEMS_MOVED:
    case CG_CHANGE_TASK_ADDED:
    case CG_CHANGE_TASK_REMOVED:
    case CG_CHANGE_TASKS_MOVED:
      if (klass->owns_change (self, kind, a))
        cg_capture_grid_rebuild (self);
      break;
    case CG_CHANGE_PARTNER: on_partner_changed (self, a); break;
    case CG_CHANGE_PARTNER_ADDED:
    case CG_CHANGE_PARTNER_REMOVED:
    case CG_CHANGE_PARTNERS_MOVED:
    case CG_CHANGE_ALL: cg_capture_grid_rebuild (self); break;
    default: break;
    }
}

/* Keys */

/* Steps @column by @step over visible columns; FALSE at an edge. */
static gboolean
step_column (CgCaptureGrid *self,
             guint         *column,
             int            step)
{
  int c = (int) *column + step;

  if (PRIV (self)->only_column >= 0 || c < 0 || c >= (int) n_columns (self))
    return FALSE;
  *column = c;
  return TRUE;
}

static gboolean
step_row (CgCaptureGrid *self,
          guint         *row,
          int            step)
{
  int r = (int) *row + step;

  if (r < 0 || r >= (int) n_rows (self))
    return FALSE;
  *row = r;
  return TRUE;
}

/* Reading order: next partner, then the first partner of the next row. */
static gboolean
step_reading (CgCaptureGrid *self,
              guint         *row,
              guint         *column,
              int            step)
{
  int only = PRIV (self)->only_column;

  if (step_column (self, column, step))
    return TRUE;
  if ((step > 0 && *row + 1 >= n_rows (self)) || (step < 0 && *row == 0))
    return FALSE;
  *row += step;
  *column = only >= 0 ? (guint) only : step > 0 ? 0 : n_columns (self) - 1;
  return TRUE;
}

/* Ctrl+Tab and Ctrl+Shift+Tab leave the grid: puts focus on the last (or
 * first) visible cell so that the window's own focus move goes past the
 * grid. Returns FALSE so the key goes on. */
static gboolean
leave (CgCaptureGrid  *self,
       guint           keyval,
       GdkModifierType state)
{
  gboolean backward = (state & GDK_SHIFT_MASK) != 0 || keyval == GDK_KEY_ISO_Left_Tab;
  int only = PRIV (self)->only_column;
  guint row, column;

  if (n_rows (self) == 0 || n_columns (self) == 0)
    return FALSE;
  row = backward ? 0 : n_rows (self) - 1;
  column = only >= 0 ? (guint) only : backward ? 0 : n_columns (self) - 1;
  gtk_widget_grab_focus (GTK_WIDGET (cell_at (self, row, column)));
  return FALSE;
}

/* Where a movement key takes the cursor; NOT_NAVIGATION for other keys. */
static Nav
step_for_key (CgCaptureGrid *self,
              guint          keyval,
              gboolean       shift,
              guint         *row,
              guint         *column)
{
  gboolean moved;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left: moved = step_column (self, column, -1); break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right: moved = step_column (self, column, 1); break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up: moved = step_row (self, row, -1); break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down: moved = step_row (self, row, 1); break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home: moved = step_column (self, column, -(int) *column); break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      moved = step_column (self, column, (int) n_columns (self) - 1 - (int) *column);
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter: moved = step_reading (self, row, column, shift ? -1 : 1); break;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (!step_reading (self, row, column, (shift || keyval == GDK_KEY_ISO_Left_Tab) ? -1 : 1))
        return NAV_LEAVE;
      moved = TRUE;
      break;
    default: return NAV_NOT_NAVIGATION;
    }
  return moved ? NAV_MOVED : NAV_STAY;
}

static gboolean
navigate (CgCaptureGrid  *self,
          guint           keyval,
          GdkModifierType state)
{
  guint row = PRIV (self)->cursor_row, column = PRIV (self)->cursor_column;
  Nav nav = step_for_key (self, keyval, (state & GDK_SHIFT_MASK) != 0, &row, &column);

  if (nav == NAV_MOVED)
    move_cursor (self, row, column, TRUE);
  return nav == NAV_MOVED || nav == NAV_STAY;
}

static gboolean
set_value_from_key (CgCaptureGrid *self,
                    guint          keyval,
                    guint          row,
                    guint          column)
{
  CgCaptureGridClass *klass = CLASS (self);
  guint value;

  if (!klass->key_to_value (self, keyval,
                            klass->get_value (self, row_id (self, row), partner_id (self, column)),
                            &value))
    return FALSE;
  klass->set_value (self, row_id (self, row), partner_id (self, column), value);
  return TRUE;
}

gboolean
cg_capture_grid_handle_key (CgCaptureGrid  *self,
                            guint           keyval,
                            GdkModifierType state)
{
  guint row, column;

  g_return_val_if_fail (CG_IS_CAPTURE_GRID (self), FALSE);
  if ((state & GDK_CONTROL_MASK) != 0 &&
      (keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_KP_Tab))
    return leave (self, keyval, state);
  /* Shortcuts (Ctrl+Z, Alt+Left...) belong to the window. */
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return FALSE;
  if (PRIV (self)->session == NULL || !cg_capture_grid_get_cursor (self, &row, &column))
    return FALSE;
  return set_value_from_key (self, keyval, row, column) || navigate (self, keyval, state);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CgCaptureGrid         *self)
{
  GtkWidget *popover = PRIV (self)->popover;

  /* An open list of answers closes on any key; the key then does its usual. */
  if (popover != NULL && gtk_widget_get_visible (popover))
    {
      gtk_popover_popdown (GTK_POPOVER (popover));
      if (keyval == GDK_KEY_Escape)
        return TRUE;
    }
  return cg_capture_grid_handle_key (self, keyval, state);
}

static void
on_focus_leave (GtkEventControllerFocus *focus,
                CgCaptureGrid           *self)
{
  gtk_popover_popdown (GTK_POPOVER (PRIV (self)->popover));
}

/* The mouse way */

static void
on_choice_clicked (GtkButton     *button,
                   CgCaptureGrid *self)
{
  CgCaptureGridPrivate *priv = PRIV (self);
  guint value = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cg-value"));
  guint row, column;

  gtk_popover_popdown (GTK_POPOVER (priv->popover));
  if (priv->session == NULL || !cg_capture_grid_get_cursor (self, &row, &column))
    return;
  CLASS (self)->set_value (self, row_id (self, row), partner_id (self, column), value);
  move_cursor (self, row, column, TRUE);
}

static GtkWidget *
choice_new (CgCaptureGrid *self,
            const char    *label,
            guint          value,
            gboolean       current)
{
  g_autofree char *text = current ? g_strdup_printf (_("%s (current)"), label) : NULL;
  GtkWidget *button = gtk_button_new_with_label (current ? text : label);

  gtk_widget_add_css_class (button, "flat");
  /* The current value is shown in words, not only by a mark. */
  if (current)
    gtk_widget_add_css_class (button, "current-choice");
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0.0);
  g_object_set_data (G_OBJECT (button), "cg-value", GUINT_TO_POINTER (value));
  g_signal_connect (button, "clicked", G_CALLBACK (on_choice_clicked), self);
  return button;
}

/* A list of choices under @cell; the one equal to @current is marked
 * "(current)". The list does not take the focus from the cell: keys go on
 * working as before (a digit answers, an arrow moves on, Escape closes). */
static void
popup_choices (CgCaptureGrid *self,
               GtkWidget     *cell,
               guint          current)
{
  GtkPopover *popover = GTK_POPOVER (PRIV (self)->popover);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean marked = FALSE;
  graphene_rect_t bounds;

  CLASS (self)->list_choices (self, labels, values);
  for (guint i = 0; i < values->len; i++)
    {
      guint value = g_array_index (values, guint, i);

      gtk_box_append (GTK_BOX (box),
                      choice_new (self, labels->pdata[i], value, value == current && !marked));
      marked = marked || value == current;
    }
  gtk_popover_set_child (popover, box);
  gtk_widget_add_css_class (GTK_WIDGET (popover), "cg-grid-choices");
  if (gtk_widget_compute_bounds (cell, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (popover, &(GdkRectangle){ bounds.origin.x, bounds.origin.y,
                                                           bounds.size.width, bounds.size.height });
  gtk_popover_set_autohide (popover, FALSE);
  gtk_popover_popup (popover);
}

/* A click (or Space, or an AT-SPI "click") on a cell puts it under the
 * keys and lists the answers, so a laptop's touchpad can do what the keys
 * do. */
static void
on_cell_clicked (GtkWidget     *cell,
                 CgCaptureGrid *self)
{
  CgCaptureGridPrivate *priv = PRIV (self);
  guint row = cg_grid_cell_get_row (CG_GRID_CELL (cell));
  guint column = cg_grid_cell_get_column (CG_GRID_CELL (cell));
  guint current;

  gtk_widget_grab_focus (cell);
  if (priv->session == NULL || row >= n_rows (self) || column >= n_columns (self))
    return;
  current = CLASS (self)->get_value (self, row_id (self, row), partner_id (self, column));
  /* While answers are hidden the list must not give the value away; an
   * empty cell has no current answer to mark. */
  if (!cg_session_answers_visible (priv->session, priv->stage) || current == 0)
    current = G_MAXUINT;
  popup_choices (self, cell, current);
}

/* Public and protected methods */

GtkWidget *
cg_capture_grid_get_popover (CgCaptureGrid *self)
{
  g_return_val_if_fail (CG_IS_CAPTURE_GRID (self), NULL);
  return PRIV (self)->popover;
}

gboolean
cg_capture_grid_get_cursor (CgCaptureGrid *self,
                            guint         *row,
                            guint         *column)
{
  g_return_val_if_fail (CG_IS_CAPTURE_GRID (self), FALSE);
  if (n_rows (self) == 0 || n_columns (self) == 0)
    return FALSE;
  if (row != NULL)
    *row = PRIV (self)->cursor_row;
  if (column != NULL)
    *column = PRIV (self)->cursor_column;
  return TRUE;
}

guint
cg_capture_grid_get_cursor_id (CgCaptureGrid *self)
{
  guint row;

  g_return_val_if_fail (CG_IS_CAPTURE_GRID (self), 0);
  if (!cg_capture_grid_get_cursor (self, &row, NULL))
    return 0;
  return row_id (self, row);
}

void
cg_capture_grid_set_cursor (CgCaptureGrid *self,
                            guint          row,
                            guint          column)
{
  g_return_if_fail (CG_IS_CAPTURE_GRID (self));
  g_return_if_fail (row < n_rows (self) && column < n_columns (self));
  move_cursor (self, row, column, TRUE);
}

GtkWidget *
cg_capture_grid_get_cell (CgCaptureGrid *self,
                          guint          row,
                          guint          column)
{
  g_return_val_if_fail (CG_IS_CAPTURE_GRID (self), NULL);
  if (row >= n_rows (self) || column >= n_columns (self))
    return NULL;
  return GTK_WIDGET (cell_at (self, row, column));
}

gboolean
cg_capture_grid_has_row (CgCaptureGrid *self,
                         guint          id)
{
  g_return_val_if_fail (CG_IS_CAPTURE_GRID (self), FALSE);
  return find_id (PRIV (self)->row_ids, id) >= 0;
}

CgSession *
cg_capture_grid_get_session (CgCaptureGrid *self)
{
  g_return_val_if_fail (CG_IS_CAPTURE_GRID (self), NULL);
  return PRIV (self)->session;
}

void
cg_capture_grid_set_session (CgCaptureGrid *self,
                             CgSession     *session)
{
  CgCaptureGridPrivate *priv;

  g_return_if_fail (CG_IS_CAPTURE_GRID (self));
  g_return_if_fail (session == NULL || CG_IS_SESSION (session));
  priv = PRIV (self);
  if (priv->session == session)
    return;
  if (priv->session != NULL)
    g_signal_handlers_disconnect_by_data (priv->session, self);
  g_set_object (&priv->session, session);
  priv->only_partner = 0;
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, 0);
  cg_capture_grid_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

CgStage
cg_capture_grid_get_stage (CgCaptureGrid *self)
{
  g_return_val_if_fail (CG_IS_CAPTURE_GRID (self), CG_STAGE_LESSON_1);
  return PRIV (self)->stage;
}

void
cg_capture_grid_set_stage (CgCaptureGrid *self,
                           CgStage        stage)
{
  g_return_if_fail (CG_IS_CAPTURE_GRID (self));
  if (PRIV (self)->stage == stage)
    return;
  PRIV (self)->stage = stage;
  cg_capture_grid_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

void
cg_capture_grid_set_numbered (CgCaptureGrid *self,
                              gboolean       numbered)
{
  g_return_if_fail (CG_IS_CAPTURE_GRID (self));
  PRIV (self)->numbered = numbered;
}

guint
cg_capture_grid_get_only_partner (CgCaptureGrid *self)
{
  g_return_val_if_fail (CG_IS_CAPTURE_GRID (self), 0);
  return PRIV (self)->only_partner;
}

void
cg_capture_grid_set_only_partner (CgCaptureGrid *self,
                                  guint          partner_id)
{
  g_return_if_fail (CG_IS_CAPTURE_GRID (self));
  if (PRIV (self)->only_partner == partner_id)
    return;
  PRIV (self)->only_partner = partner_id;
  apply_only_partner (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_PARTNER]);
}

static void
cg_capture_grid_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CgCaptureGrid *self = CG_CAPTURE_GRID (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, PRIV (self)->session); break;
    case PROP_STAGE: g_value_set_int (value, PRIV (self)->stage); break;
    case PROP_ONLY_PARTNER: g_value_set_uint (value, PRIV (self)->only_partner); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_capture_grid_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CgCaptureGrid *self = CG_CAPTURE_GRID (object);

  switch (prop_id)
    {
    case PROP_SESSION: cg_capture_grid_set_session (self, g_value_get_object (value)); break;
    case PROP_STAGE: cg_capture_grid_set_stage (self, g_value_get_int (value)); break;
    case PROP_ONLY_PARTNER:
      cg_capture_grid_set_only_partner (self, g_value_get_uint (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Not in init: the subclass's methods are only there once it is constructed. */
static void
cg_capture_grid_constructed (GObject *object)
{
  G_OBJECT_CLASS (cg_capture_grid_parent_class)->constructed (object);
  cg_capture_grid_rebuild (CG_CAPTURE_GRID (object));
}

static void
cg_capture_grid_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CgCaptureGridPrivate *priv = PRIV (CG_CAPTURE_GRID (widget));

  GTK_WIDGET_CLASS (cg_capture_grid_parent_class)->size_allocate (widget, width, height, baseline);
  if (priv->popover != NULL)
    gtk_popover_present (GTK_POPOVER (priv->popover));
}

static void
cg_capture_grid_dispose (GObject *object)
{
  CgCaptureGridPrivate *priv = PRIV (CG_CAPTURE_GRID (object));

  if (priv->session != NULL)
    g_signal_handlers_disconnect_by_data (priv->session, object);
  g_clear_object (&priv->session);
  g_clear_pointer (&priv->grid, gtk_widget_unparent);
  g_clear_pointer (&priv->empty_label, gtk_widget_unparent);
  g_clear_pointer (&priv->popover, gtk_widget_unparent);
  G_OBJECT_CLASS (cg_capture_grid_parent_class)->dispose (object);
}

static void
cg_capture_grid_finalize (GObject *object)
{
  CgCaptureGridPrivate *priv = PRIV (CG_CAPTURE_GRID (object));

  g_array_unref (priv->row_ids);
  g_array_unref (priv->partner_ids);
  g_ptr_array_unref (priv->cells);
  g_ptr_array_unref (priv->row_headers);
  g_ptr_array_unref (priv->col_headers);
  g_clear_object (&priv->column_widths);
  G_OBJECT_CLASS (cg_capture_grid_parent_class)->finalize (object);
}

static void
cg_capture_grid_class_init (CgCaptureGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cg_capture_grid_get_property;
  object_class->set_property = cg_capture_grid_set_property;
  object_class->constructed = cg_capture_grid_constructed;
  object_class->dispose = cg_capture_grid_dispose;
  object_class->finalize = cg_capture_grid_finalize;
  widget_class->map = cg_capture_grid_map;
  widget_class->size_allocate = cg_capture_grid_size_allocate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CG_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] =
    g_param_spec_int ("stage", NULL, NULL, 0, CG_N_STAGES - 1, CG_STAGE_LESSON_1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLY_PARTNER] =
    g_param_spec_uint ("only-partner", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
add_controllers (CgCaptureGrid *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  /* Capture phase: digits and Enter reach us before the focused cell
   * (a button) would treat Enter as a click. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

static void
cg_capture_grid_init (CgCaptureGrid *self)
{
  CgCaptureGridPrivate *priv = PRIV (self);

  gtk_orientable_set_orientation (
    GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))), GTK_ORIENTATION_VERTICAL);
  cg_grid_ensure_style ();
  priv->stage = CG_STAGE_LESSON_1;
  priv->only_column = -1;
  priv->row_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  priv->partner_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  priv->cells = g_ptr_array_new ();
  priv->row_headers = g_ptr_array_new ();
  priv->col_headers = g_ptr_array_new ();
  priv->column_widths = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  priv->empty_label = gtk_label_new ("");
  gtk_widget_add_css_class (priv->empty_label, "dim-label");
  gtk_widget_set_parent (priv->empty_label, GTK_WIDGET (self));
  priv->grid = g_object_new (GTK_TYPE_GRID, "accessible-role", GTK_ACCESSIBLE_ROLE_GRID,
                             "row-spacing", 4, "column-spacing", 4, NULL);
  gtk_widget_add_css_class (priv->grid, "cg-capture-grid");
  gtk_widget_set_parent (priv->grid, GTK_WIDGET (self));
  priv->popover = gtk_popover_new ();
  gtk_widget_set_parent (priv->popover, GTK_WIDGET (self));
  add_controllers (self);
}
