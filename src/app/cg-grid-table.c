/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-grid-table"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-appearance.h"
#include "cg-grid-table.h"
#include "cg-types.h"

struct _CgGridTable
{
  /* Borrowed: owned by the widget tree */
  GtkWidget *grid;

  /* Owned */
  GPtrArray *cells;       /* row-major CgGridCell* */
  GPtrArray *row_headers; /* GtkWidget* or NULL */
  GPtrArray *col_headers;
  GtkSizeGroup *column_widths; /* every partner's column as wide as the widest */
  guint n_rows;
  guint n_columns;
  guint cursor_row;
  guint cursor_column;
  int only_column;
};

static void set_cursor_marks (CgGridTable *self, gboolean on);

static void
on_cell_focus (GtkWidget *cell, GParamSpec *pspec, CgGridTable *self)
{
  if (!gtk_widget_has_focus (cell))
    return;
  cg_grid_table_set_cursor (self, cg_grid_cell_get_row (CG_GRID_CELL (cell)),
                            cg_grid_cell_get_column (CG_GRID_CELL (cell)), FALSE);
}

static void
on_cell_clicked (GtkWidget *cell, CgGridTable *self)
{
  /* An AT-SPI "click" or a mouse click puts the cell under the keys. */
  gtk_widget_grab_focus (cell);
}

CgGridTable *
cg_grid_table_new (GtkWidget *owner)
{
  CgGridTable *self = g_new0 (CgGridTable, 1);

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  cg_grid_ensure_style ();
  self->grid = g_object_new (GTK_TYPE_GRID,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_GRID,
                             "row-spacing", 4, "column-spacing", 4, NULL);
  gtk_widget_add_css_class (self->grid, "cg-capture-grid");
  gtk_widget_set_parent (self->grid, owner);
  self->cells = g_ptr_array_new ();
  self->row_headers = g_ptr_array_new ();
  self->col_headers = g_ptr_array_new ();
  self->column_widths = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->only_column = -1;
  return self;
}

void
cg_grid_table_free (CgGridTable *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  g_ptr_array_unref (self->cells);
  g_ptr_array_unref (self->row_headers);
  g_ptr_array_unref (self->col_headers);
  g_clear_object (&self->column_widths);
  g_free (self);
}

GtkWidget *
cg_grid_table_get_widget (CgGridTable *self)
{
  return self->grid;
}

void
cg_grid_table_set_label (CgGridTable *self, const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
remove_all (CgGridTable *self)
{
  GtkWidget *child;

  for (guint c = 0; c < self->col_headers->len; c++)
    if (g_ptr_array_index (self->col_headers, c) != NULL)
      gtk_size_group_remove_widget (self->column_widths, g_ptr_array_index (self->col_headers, c));
  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->row_headers, 0);
  g_ptr_array_set_size (self->col_headers, 0);
}

void
cg_grid_table_reset (CgGridTable *self, guint n_rows, guint n_columns)
{
  gboolean had_focus = cg_grid_table_has_focus (self);

  remove_all (self);
  self->n_rows = n_rows;
  self->n_columns = n_columns;
  if (self->only_column >= (int) n_columns)
    self->only_column = -1;
  g_ptr_array_set_size (self->row_headers, n_rows);
  g_ptr_array_set_size (self->col_headers, n_columns);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        GtkWidget *cell = cg_grid_cell_new (r, c);

        g_signal_connect (cell, "notify::has-focus", G_CALLBACK (on_cell_focus), self);
        g_signal_connect (cell, "clicked", G_CALLBACK (on_cell_clicked), self);
        gtk_widget_set_visible (cell, self->only_column < 0 || (int) c == self->only_column);
        gtk_grid_attach (GTK_GRID (self->grid), cell, c + 1, r + 1, 1, 1);
        g_ptr_array_add (self->cells, cell);
      }
  if (n_rows == 0 || n_columns == 0)
    return;
  self->cursor_row = MIN (self->cursor_row, n_rows - 1);
  self->cursor_column = MIN (self->cursor_column, n_columns - 1);
  if (self->only_column >= 0)
    self->cursor_column = self->only_column;
  cg_grid_table_set_cursor (self, self->cursor_row, self->cursor_column, had_focus);
}

guint
cg_grid_table_get_n_rows (CgGridTable *self)
{
  return self->n_rows;
}

guint
cg_grid_table_get_n_columns (CgGridTable *self)
{
  return self->n_columns;
}

CgGridCell *
cg_grid_table_get_cell (CgGridTable *self, guint row, guint column)
{
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, NULL);
  return g_ptr_array_index (self->cells, row * self->n_columns + column);
}

void
cg_grid_table_set_row_header (CgGridTable *self, guint row, GtkWidget *header)
{
  g_return_if_fail (row < self->n_rows);
  g_return_if_fail (g_ptr_array_index (self->row_headers, row) == NULL);
  g_ptr_array_index (self->row_headers, row) = header;
  gtk_widget_add_css_class (header, "row-header");
  gtk_grid_attach (GTK_GRID (self->grid), header, 0, row + 1, 1, 1);
}

void
cg_grid_table_set_column_header (CgGridTable *self, guint column, GtkWidget *header)
{
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (g_ptr_array_index (self->col_headers, column) == NULL);
  g_ptr_array_index (self->col_headers, column) = header;
  gtk_widget_add_css_class (header, "column-header");
  gtk_size_group_add_widget (self->column_widths, header);
  gtk_widget_set_visible (header, self->only_column < 0 || (int) column == self->only_column);
  gtk_grid_attach (GTK_GRID (self->grid), header, column + 1, 0, 1, 1);
}

void
cg_grid_table_replace_column_header (CgGridTable *self, guint column, GtkWidget *header)
{
  GtkWidget *old;

  g_return_if_fail (column < self->n_columns);
  old = g_ptr_array_index (self->col_headers, column);
  if (old != NULL)
    {
      gtk_size_group_remove_widget (self->column_widths, old);
      gtk_grid_remove (GTK_GRID (self->grid), old);
      g_ptr_array_index (self->col_headers, column) = NULL;
    }
  cg_grid_table_set_column_header (self, column, header);
}

GtkWidget *
cg_grid_table_get_row_header (CgGridTable *self, guint row)
{
  g_return_val_if_fail (row < self->n_rows, NULL);
  return g_ptr_array_index (self->row_headers, row);
}

GtkWidget *
cg_grid_table_get_column_header (CgGridTable *self, guint column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);
  return g_ptr_array_index (self->col_headers, column);
}

void
cg_grid_table_set_only_column (CgGridTable *self, int column)
{
  gboolean had_focus = cg_grid_table_has_focus (self);

  if (column >= (int) self->n_columns)
    column = -1;
  self->only_column = column;
  for (guint c = 0; c < self->n_columns; c++)
    {
      gboolean visible = column < 0 || (int) c == column;
      GtkWidget *header = g_ptr_array_index (self->col_headers, c);

      if (header != NULL)
        gtk_widget_set_visible (header, visible);
      for (guint r = 0; r < self->n_rows; r++)
        gtk_widget_set_visible (GTK_WIDGET (cg_grid_table_get_cell (self, r, c)), visible);
    }
  if (column >= 0 && self->n_rows > 0)
    cg_grid_table_set_cursor (self, self->cursor_row, column, had_focus);
}

int
cg_grid_table_get_only_column (CgGridTable *self)
{
  return self->only_column;
}

gboolean
cg_grid_table_get_cursor (CgGridTable *self, guint *row, guint *column)
{
  if (self->n_rows == 0 || self->n_columns == 0)
    return FALSE;
  if (row != NULL)
    *row = self->cursor_row;
  if (column != NULL)
    *column = self->cursor_column;
  return TRUE;
}

static void
toggle_class (GtkWidget *widget, const char *css_class, gboolean on)
{
  if (widget == NULL)
    return;
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* The row and column of the cursor are marked in the headers too, so the
 * back of the room can follow whose answer to which statement is typed. */
static void
set_cursor_marks (CgGridTable *self, gboolean on)
{
  if (self->cursor_row < self->n_rows)
    toggle_class (g_ptr_array_index (self->row_headers, self->cursor_row), "cursor", on);
  if (self->cursor_column < self->n_columns)
    toggle_class (g_ptr_array_index (self->col_headers, self->cursor_column), "cursor", on);
}

void
cg_grid_table_set_cursor (CgGridTable *self, guint row, guint column, gboolean grab_focus)
{
  g_return_if_fail (row < self->n_rows && column < self->n_columns);

  set_cursor_marks (self, FALSE);
  self->cursor_row = row;
  self->cursor_column = column;
  set_cursor_marks (self, TRUE);
  if (grab_focus)
    gtk_widget_grab_focus (GTK_WIDGET (cg_grid_table_get_cell (self, row, column)));
}

gboolean
cg_grid_table_has_focus (CgGridTable *self)
{
  GtkRoot *root = gtk_widget_get_root (self->grid);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, self->grid);
}

/* Steps @column by @step over visible columns; FALSE at an edge. */
static gboolean
step_column (CgGridTable *self, guint *column, int step)
{
  int c = (int) *column + step;

  if (self->only_column >= 0)
    return FALSE;
  if (c < 0 || c >= (int) self->n_columns)
    return FALSE;
  *column = c;
  return TRUE;
}

static gboolean
step_row (CgGridTable *self, guint *row, int step)
{
  int r = (int) *row + step;

  if (r < 0 || r >= (int) self->n_rows)
    return FALSE;
  *row = r;
  return TRUE;
}

/* Reading order: next partner, then the first partner of the next row. */
static gboolean
step_reading (CgGridTable *self, guint *row, guint *column, int step)
{
  if (step_column (self, column, step))
    return TRUE;
  if ((step > 0 && *row + 1 >= self->n_rows) || (step < 0 && *row == 0))
    return FALSE;
  *row += step;
  if (self->only_column >= 0)
    *column = self->only_column;
  else
    *column = step > 0 ? 0 : self->n_columns - 1;
  return TRUE;
}

gboolean
cg_grid_table_leave (CgGridTable *self, guint keyval, GdkModifierType state)
{
  gboolean backward = (state & GDK_SHIFT_MASK) != 0 || keyval == GDK_KEY_ISO_Left_Tab;
  guint row, column;

  if (self->n_rows == 0 || self->n_columns == 0)
    return FALSE;
  row = backward ? 0 : self->n_rows - 1;
  column = self->only_column >= 0 ? (guint) self->only_column : backward ? 0 : self->n_columns - 1;
  gtk_widget_grab_focus (GTK_WIDGET (cg_grid_table_get_cell (self, row, column)));
  return FALSE;
}

/* Where a movement key takes the cursor; NOT_NAVIGATION for other keys. */
static CgGridNav
step_for_key (CgGridTable *self, guint keyval, gboolean shift, guint *row, guint *column)
{
  gboolean moved;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      moved = step_column (self, column, -1);
      break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      moved = step_column (self, column, 1);
      break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      moved = step_row (self, row, -1);
      break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      moved = step_row (self, row, 1);
      break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      moved = step_column (self, column, -(int) *column);
      break;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      moved = step_column (self, column, (int) self->n_columns - 1 - (int) *column);
      break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
      moved = step_reading (self, row, column, shift ? -1 : 1);
      break;
    case GDK_KEY_Tab: case GDK_KEY_KP_Tab: case GDK_KEY_ISO_Left_Tab:
      if (!step_reading (self, row, column, (shift || keyval == GDK_KEY_ISO_Left_Tab) ? -1 : 1))
        return CG_GRID_NAV_LEAVE;
      moved = TRUE;
      break;
    default:
      return CG_GRID_NAV_NOT_NAVIGATION;
    }
  return moved ? CG_GRID_NAV_MOVED : CG_GRID_NAV_STAY;
}

CgGridNav
cg_grid_table_navigate (CgGridTable *self, guint keyval, GdkModifierType state)
{
  guint row = self->cursor_row, column = self->cursor_column;
  CgGridNav nav;

  if (self->n_rows == 0 || self->n_columns == 0)
    return CG_GRID_NAV_NOT_NAVIGATION;
  nav = step_for_key (self, keyval, (state & GDK_SHIFT_MASK) != 0, &row, &column);
  if (nav == CG_GRID_NAV_MOVED)
    cg_grid_table_set_cursor (self, row, column, TRUE);
  return nav;
}

static void
draw_colour (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
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
header_label (const char *text, const char *css_class, int chars, int lines)
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

GtkWidget *
cg_grid_partner_header_new (const char *name, const char *organisation, const char *role,
                            const char *colour, const char *prefix)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *bar = gtk_drawing_area_new ();
  g_autofree char *title = prefix != NULL ? g_strdup_printf ("%s %s", prefix, name) : g_strdup (name);
  GtkWidget *org_label = header_label (organisation, "partner-organisation", 14, 2);
  g_autoptr (GString) tip = g_string_new (name);

  g_object_set_data_full (G_OBJECT (bar), "cg-colour", g_strdup (colour), g_free);
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
  if (role != NULL && *role != '\0')
    g_string_append_printf (tip, "\n%s", role);
  gtk_widget_set_tooltip_text (box, tip->str);
  return box;
}

char *
cg_grid_partner_display_name (const char *name, const char *organisation)
{
  if (organisation == NULL || *organisation == '\0')
    return g_strdup (name);
  /* TRANSLATORS: a partner as a screen reader names it: "Name, Organisation" */
  return g_strdup_printf (_("%s, %s"), name, organisation);
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

void
cg_grid_popup_choices (GtkPopover *popover, GtkWidget *owner, GtkWidget *cell,
                       const char *const *labels, const guint *values, guint n_choices,
                       guint current, GCallback clicked, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gboolean marked = FALSE;
  graphene_rect_t bounds;

  g_return_if_fail (GTK_IS_POPOVER (popover));
  for (guint i = 0; i < n_choices; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (labels[i]);

      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0.0);
      g_object_set_data (G_OBJECT (button), "cg-value", GUINT_TO_POINTER (values[i]));
      g_signal_connect (button, "clicked", clicked, data);
      gtk_box_append (GTK_BOX (box), button);
      /* The current value is shown in words, not only by a mark. */
      if (values[i] == current && !marked)
        {
          g_autofree char *text = g_strdup_printf (_("%s (current)"), labels[i]);

          gtk_button_set_label (GTK_BUTTON (button), text);
          gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0.0);
          gtk_widget_add_css_class (button, "current-choice");
          marked = TRUE;
        }
    }
  gtk_popover_set_child (popover, box);
  gtk_widget_add_css_class (GTK_WIDGET (popover), "cg-grid-choices");
  if (gtk_widget_compute_bounds (cell, owner, &bounds))
    gtk_popover_set_pointing_to (popover, &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                            bounds.size.width, bounds.size.height });
  /* The list does not take the focus: the cell keeps it, so keys go on
   * working as before (a digit answers, an arrow moves on, Escape closes). */
  gtk_popover_set_autohide (popover, FALSE);
  gtk_popover_popup (popover);
}

guint
cg_grid_choice_get_value (GtkWidget *choice)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (choice), "cg-value"));
}
