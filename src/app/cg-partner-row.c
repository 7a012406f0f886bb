/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-partner-row"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-appearance.h"
#include "cg-partner-row.h"
#include "cg-undo-keys.h"

struct _CgPartnerRow
{
  GtkListBoxRow parent_instance;

  /* Template widgets */
  GtkMenuButton *colour_button;
  GtkDrawingArea *swatch;
  GtkPopover *colour_popover;
  GtkFlowBox *palette_box;
  GtkEntry *name_entry;
  GtkEntry *organisation_entry;
  GtkEntry *role_entry;
  GtkMenuButton *role_button;
  GtkEntry *group_entry;
  GtkMenuButton *group_button;
  GtkWidget *up_button;
  GtkWidget *down_button;
  GtkWidget *remove_button;

  /* Owned */
  CgSession *session;

  guint partner_id;
  /* Non-zero while the row copies the session into its entries. */
  guint updating;
};

G_DEFINE_FINAL_TYPE (CgPartnerRow, cg_partner_row, GTK_TYPE_LIST_BOX_ROW)

/* A filled square with a thin outline, so pale colours still show; in high
 * contrast the colour as the charts will draw it. */
static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  g_autofree char *colour =
    user_data == NULL ? NULL
                      : cg_appearance_partner_colour (cg_appearance_get_default (), user_data);
  GdkRGBA rgba;
  int side = MIN (width, height);

  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    return;
  cairo_rectangle (cr, (width - side) / 2.0 + 1, (height - side) / 2.0 + 1, side - 2, side - 2);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static const CgPartner *
get_partner (CgPartnerRow *self)
{
  return cg_session_lookup_partner (self->session, self->partner_id);
}

static void
set_entry_text (CgPartnerRow *self,
                GtkEntry     *entry,
                const char   *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0)
    return;
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  self->updating--;
}

static void
label_widget (GtkWidget *widget,
              char      *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_free (label);
}

/* Screen readers hear which partner a control belongs to. */
static void
update_labels (CgPartnerRow    *self,
               const CgPartner *partner)
{
  const char *name = partner->name[0] ? partner->name : _("unnamed partner");

  label_widget (GTK_WIDGET (self), g_strdup_printf (_("Partner %s"), name));
  label_widget (GTK_WIDGET (self->name_entry), g_strdup_printf (_("Name of %s"), name));
  label_widget (GTK_WIDGET (self->organisation_entry),
                g_strdup_printf (_("Organisation of %s"), name));
  label_widget (GTK_WIDGET (self->role_entry), g_strdup_printf (_("Role of %s"), name));
  label_widget (GTK_WIDGET (self->role_button),
                g_strdup_printf (_("Suggested roles for %s"), name));
  label_widget (GTK_WIDGET (self->group_entry), g_strdup_printf (_("Group of %s"), name));
  label_widget (GTK_WIDGET (self->group_button),
                g_strdup_printf (_("Suggested groups for %s"), name));
  label_widget (self->up_button, g_strdup_printf (_("Move %s up"), name));
  label_widget (self->down_button, g_strdup_printf (_("Move %s down"), name));
  label_widget (self->remove_button, g_strdup_printf (_("Remove %s"), name));
  label_widget (GTK_WIDGET (self->colour_button),
                g_strdup_printf (_("Colour of %s: %s"), name, partner->colour));
}

void
cg_partner_row_update (CgPartnerRow *self)
{
  const CgPartner *partner;

  g_return_if_fail (CG_IS_PARTNER_ROW (self));

  partner = get_partner (self);
  if (partner == NULL)
    return;

  set_entry_text (self, self->name_entry, partner->name);
  set_entry_text (self, self->organisation_entry, partner->organisation);
  set_entry_text (self, self->role_entry, partner->role);
  set_entry_text (self, self->group_entry, partner->group);
  gtk_drawing_area_set_draw_func (self->swatch, draw_swatch, g_strdup (partner->colour), g_free);
  update_labels (self, partner);
}

void
cg_partner_row_update_position (CgPartnerRow *self)
{
  int position;
  guint n;

  g_return_if_fail (CG_IS_PARTNER_ROW (self));

  position = cg_session_partner_position (self->session, self->partner_id);
  n = cg_session_get_n_partners (self->session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down",
                                 position >= 0 && (guint) position + 1 < n);
}

void
cg_partner_row_update_suggestions (CgPartnerRow *self)
{
  const char *const *roles;
  g_autoptr (GMenu) menu = g_menu_new ();

  g_return_if_fail (CG_IS_PARTNER_ROW (self));

  roles = cg_session_get_role_suggestions (self->session);
  for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (roles[i], NULL);

      g_menu_item_set_action_and_target (item, "row.set-role", "s", roles[i]);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->role_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->role_button),
                          g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
}

/* Built as the menu opens: the groups other partners were given a moment
 * ago are offered too. */
static void
fill_group_menu (GtkMenuButton *button,
                 gpointer       user_data)
{
  CgPartnerRow *self = user_data;
  g_auto (GStrv) groups = NULL;
  g_autoptr (GMenu) menu = g_menu_new ();

  if (self->session == NULL)
    return;
  groups = cg_session_dup_group_suggestions (self->session);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (groups[i], NULL);

      g_menu_item_set_action_and_target (item, "row.set-group", "s", groups[i]);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
on_entry_changed (CgPartnerRow *self,
                  GtkEditable  *editable)
{
  CgPartnerField field;

  if (self->updating)
    return;
  if (editable == GTK_EDITABLE (self->name_entry))
    field = CG_PARTNER_NAME;
  else if (editable == GTK_EDITABLE (self->organisation_entry))
    field = CG_PARTNER_ORGANISATION;
  else if (editable == GTK_EDITABLE (self->group_entry))
    field = CG_PARTNER_GROUP;
  else
    field = CG_PARTNER_ROLE;
  cg_session_set_partner_field (self->session, self->partner_id, field,
                                gtk_editable_get_text (editable));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CgPartnerRow *self = CG_PARTNER_ROW (widget);
  int position = cg_session_partner_position (self->session, self->partner_id);
  guint n = cg_session_get_n_partners (self->session);

  if (position < 0)
    return;
  if (g_str_equal (action_name, "row.move-up") && position > 0)
    cg_session_move_partner (self->session, self->partner_id, position - 1);
  else if (g_str_equal (action_name, "row.move-down") && (guint) position + 1 < n)
    cg_session_move_partner (self->session, self->partner_id, position + 1);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CgPartnerRow *self = CG_PARTNER_ROW (widget);

  /* The page removes it, so that it can offer to undo. */
  gtk_widget_activate_action (widget, "partners.remove", "u", self->partner_id);
}

static void
set_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CgPartnerRow *self = CG_PARTNER_ROW (widget);
  const char *value = g_variant_get_string (param, NULL);

  if (g_str_equal (action_name, "row.set-role"))
    {
      cg_session_set_partner_field (self->session, self->partner_id, CG_PARTNER_ROLE, value);
      return;
    }
  if (g_str_equal (action_name, "row.set-group"))
    {
      cg_session_set_partner_field (self->session, self->partner_id, CG_PARTNER_GROUP, value);
      return;
    }
  cg_session_set_partner_field (self->session, self->partner_id, CG_PARTNER_COLOUR, value);
  gtk_popover_popdown (self->colour_popover);
}

static void
fill_palette (CgPartnerRow *self)
{
  const char *const *palette;
  guint n = 0;

  palette = cg_session_get_palette (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf (_("Colour %u (%s)"), i + 1, palette[i]);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *area = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 32);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 32);
      /* The palette is static: its strings outlive every row. */
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, (gpointer) palette[i],
                                      NULL);
      cg_appearance_redraw_on_change (cg_appearance_get_default (), area);
      gtk_button_set_child (GTK_BUTTON (button), area);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "row.set-colour");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", palette[i]);
      gtk_flow_box_append (self->palette_box, button);
    }
}

static void
cg_partner_row_dispose (GObject *object)
{
  CgPartnerRow *self = CG_PARTNER_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_PARTNER_ROW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cg_partner_row_parent_class)->dispose (object);
}

static void
cg_partner_row_class_init (CgPartnerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_partner_row_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-partner-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CgPartnerRow, colour_button);
  gtk_widget_class_bind_template_child (widget_class, CgPartnerRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, CgPartnerRow, colour_popover);
  gtk_widget_class_bind_template_child (widget_class, CgPartnerRow, palette_box);
  gtk_widget_class_bind_template_child (widget_class, CgPartnerRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CgPartnerRow, organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, CgPartnerRow, role_entry);
  gtk_widget_class_bind_template_child (widget_class, CgPartnerRow, role_button);
  gtk_widget_class_bind_template_child (widget_class, CgPartnerRow, group_entry);
  gtk_widget_class_bind_template_child (widget_class, CgPartnerRow, group_button);
  gtk_widget_class_bind_template_child (widget_class, CgPartnerRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, CgPartnerRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, CgPartnerRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);

  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "row.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "row.set-role", "s", set_field_action);
  gtk_widget_class_install_action (widget_class, "row.set-group", "s", set_field_action);
  gtk_widget_class_install_action (widget_class, "row.set-colour", "s", set_field_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "row.move-down",
                                       NULL);
}

static void
cg_partner_row_init (CgPartnerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Edits are session edits: Ctrl+Z is the window's undo. */
  cg_undo_keys_disable_text_undo (GTK_WIDGET (self->name_entry));
  cg_undo_keys_disable_text_undo (GTK_WIDGET (self->organisation_entry));
  cg_undo_keys_disable_text_undo (GTK_WIDGET (self->role_entry));
  cg_undo_keys_disable_text_undo (GTK_WIDGET (self->group_entry));
  gtk_menu_button_set_create_popup_func (self->group_button, fill_group_menu, self, NULL);
  fill_palette (self);
  cg_appearance_redraw_on_change (cg_appearance_get_default (), GTK_WIDGET (self->swatch));
}

GtkWidget *
cg_partner_row_new (CgSession *session,
                    guint      partner_id)
{
  CgPartnerRow *self;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);

  self = g_object_new (CG_TYPE_PARTNER_ROW, NULL);
  self->session = g_object_ref (session);
  self->partner_id = partner_id;
  cg_partner_row_update (self);
  cg_partner_row_update_position (self);
  cg_partner_row_update_suggestions (self);
  return GTK_WIDGET (self);
}

guint
cg_partner_row_get_partner_id (CgPartnerRow *self)
{
  g_return_val_if_fail (CG_IS_PARTNER_ROW (self), 0);

  return self->partner_id;
}
