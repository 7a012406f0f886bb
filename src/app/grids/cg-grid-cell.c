/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-grid-cell"
#include "config.h"

#include "cg-grid-cell.h"

struct _CgGridCell
{
  GtkButton parent_instance;

  /* Owned */
  char *accessible_label;
  char *value_class;
  guint row;
  guint column;

  /* Borrowed */
  GtkLabel *label;
};

G_DEFINE_FINAL_TYPE (CgGridCell, cg_grid_cell, GTK_TYPE_BUTTON)

static void
cg_grid_cell_finalize (GObject *object)
{
  CgGridCell *self = CG_GRID_CELL (object);

  g_free (self->accessible_label);
  g_free (self->value_class);
  G_OBJECT_CLASS (cg_grid_cell_parent_class)->finalize (object);
}

static void
cg_grid_cell_class_init (CgGridCellClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_grid_cell_finalize;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "cg-grid-cell");
}

static void
cg_grid_cell_init (CgGridCell *self)
{
  GtkWidget *label = gtk_label_new ("");

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 2);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
  gtk_button_set_child (GTK_BUTTON (self), label);
  self->label = GTK_LABEL (label);
  /* The cell says it all through its own label; the inner text would only
   * repeat a bare value. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_add_css_class (GTK_WIDGET (self), "cg-grid-cell");
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
}

GtkWidget *
cg_grid_cell_new (guint row,
                  guint column)
{
  CgGridCell *self = g_object_new (CG_TYPE_GRID_CELL, NULL);

  self->row = row;
  self->column = column;
  return GTK_WIDGET (self);
}

guint
cg_grid_cell_get_row (CgGridCell *self)
{
  g_return_val_if_fail (CG_IS_GRID_CELL (self), 0);
  return self->row;
}

guint
cg_grid_cell_get_column (CgGridCell *self)
{
  g_return_val_if_fail (CG_IS_GRID_CELL (self), 0);
  return self->column;
}

void
cg_grid_cell_set_content (CgGridCell *self,
                          const char *text,
                          const char *accessible_label,
                          const char *value_class)
{
  g_return_if_fail (CG_IS_GRID_CELL (self));

  if (g_strcmp0 (gtk_label_get_text (self->label), text) != 0)
    gtk_label_set_text (self->label, text);
  if (g_strcmp0 (self->accessible_label, accessible_label) != 0)
    {
      g_free (self->accessible_label);
      self->accessible_label = g_strdup (accessible_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible_label, -1);
    }
  if (g_strcmp0 (self->value_class, value_class) != 0)
    {
      if (self->value_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self), self->value_class);
      g_free (self->value_class);
      self->value_class = g_strdup (value_class);
      if (value_class != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self), value_class);
    }
}

const char *
cg_grid_cell_get_text (CgGridCell *self)
{
  g_return_val_if_fail (CG_IS_GRID_CELL (self), NULL);
  return gtk_label_get_text (self->label);
}

const char *
cg_grid_cell_get_accessible_label (CgGridCell *self)
{
  g_return_val_if_fail (CG_IS_GRID_CELL (self), NULL);
  return self->accessible_label;
}

void
cg_grid_ensure_style (void)
{
  static gboolean loaded;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr (GtkCssProvider) provider = NULL;

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/commonground/CommonGround/grids.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
