/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-partners-page"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-partner-row.h"
#include "cg-partners-page.h"
#include "cg-stage-page.h"
#include "cg-undo-keys.h"

struct _CgPartnersPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkLabel *summary_label;
  GtkEntry *new_name_entry;
  GtkWidget *add_button;
  GtkListBox *partner_list;

  /* Owned */
  CgSession *session;
  GSignalGroup *session_signals;

  /* Borrowed: the "Removed …" toast while it is on screen */
  AdwToast *remove_toast;
  gboolean removing;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CgPartnersPage,
                               cg_partners_page,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CG_TYPE_STAGE_PAGE, NULL))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows follow the session's order, so a move never takes the focus away
 * from the row being moved. */
static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  CgPartnersPage *self = user_data;
  int pa =
    cg_session_partner_position (self->session, cg_partner_row_get_partner_id (CG_PARTNER_ROW (a)));
  int pb =
    cg_session_partner_position (self->session, cg_partner_row_get_partner_id (CG_PARTNER_ROW (b)));

  return (pa > pb) - (pa < pb);
}

static CgPartnerRow *
find_row (CgPartnersPage *self,
          guint           partner_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->partner_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (CG_IS_PARTNER_ROW (child) &&
        cg_partner_row_get_partner_id (CG_PARTNER_ROW (child)) == partner_id)
      return CG_PARTNER_ROW (child);
  return NULL;
}

static void
update_summary (CgPartnersPage *self)
{
  guint n = self->session ? cg_session_get_n_partners (self->session) : 0;
  guint relationships = n * (n - (n > 0)) / 2;
  g_autofree char *partners = NULL;
  g_autofree char *text = NULL;

  if (n == 0)
    text =
      g_strdup (_("No partners yet. Add every organisation, profession or group taking part."));
  else if (n == 1)
    text = g_strdup (_("1 partner: add another to make a partnership."));
  else
    {
      partners = g_strdup_printf (ngettext ("%u partner", "%u partners", n), n);
      /* Translators: "%s" is "4 partners"; the number is n(n-1)/2. */
      text = g_strdup_printf (ngettext ("%s: %u relationship to keep alive",
                                        "%s: %u relationships to keep alive", relationships),
                              partners, relationships);
    }
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->partner_list), n > 0);
}

static void
update_positions (CgPartnersPage *self)
{
  gtk_list_box_invalidate_sort (self->partner_list);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->partner_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (CG_IS_PARTNER_ROW (child))
      cg_partner_row_update_position (CG_PARTNER_ROW (child));
  update_summary (self);
}

static void
remove_all_rows (CgPartnersPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->partner_list))))
    gtk_list_box_remove (self->partner_list, child);
}

static void
rebuild (CgPartnersPage *self)
{
  remove_all_rows (self);
  for (guint i = 0; self->session && i < cg_session_get_n_partners (self->session); i++)
    gtk_list_box_append (
      self->partner_list,
      cg_partner_row_new (self->session, cg_session_get_partner (self->session, i)->id));
  update_positions (self);
}

static void
partner_removed (CgPartnersPage *self,
                 guint           partner_id)
{
  CgPartnerRow *row = find_row (self, partner_id);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean had_focus;

  if (row == NULL)
    return;
  had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row));
  gtk_list_box_remove (self->partner_list, GTK_WIDGET (row));
  /* Keyboard users keep their place: back to the name field. */
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->new_name_entry));
}

static void
session_changed_cb (CgPartnersPage *self,
                    CgChangeKind    kind,
                    guint           a,
                    guint           b,
                    CgSession      *session)
{
  CgPartnerRow *row;

  /* Undo from the toast is only offered while the removal is the last edit. */
  if (self->remove_toast != NULL && !self->removing)
    adw_toast_dismiss (self->remove_toast);

  switch (kind)
    {
    case CG_CHANGE_PARTNER_ADDED:
      if (find_row (self, a) == NULL)
        gtk_list_box_append (self->partner_list, cg_partner_row_new (session, a));
      update_positions (self);
      break;
    case CG_CHANGE_PARTNER_REMOVED:
      partner_removed (self, a);
      update_positions (self);
      break;
    case CG_CHANGE_PARTNERS_MOVED: update_positions (self); break;
    case CG_CHANGE_PARTNER:
      if ((row = find_row (self, a)) != NULL)
        cg_partner_row_update (row);
      break;
    case CG_CHANGE_ROLE_SUGGESTIONS:
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->partner_list));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        cg_partner_row_update_suggestions (CG_PARTNER_ROW (child));
      break;
    case CG_CHANGE_ALL: rebuild (self); break;
    default: break;
    }
}

static void
on_new_name_changed (CgPartnersPage *self,
                     GtkEditable    *editable)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  gtk_widget_set_sensitive (self->add_button, self->session != NULL && name[0] != '\0');
}

static void
on_add (CgPartnersPage *self)
{
  g_autofree char *name =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_name_entry))));

  if (self->session == NULL || name[0] == '\0')
    return;
  cg_session_add_partner (self->session, name, "", "");
  /* Ready for the next name: a room is entered one partner after another. */
  gtk_editable_set_text (GTK_EDITABLE (self->new_name_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_name_entry));
}

static void
toast_dismissed_cb (CgPartnersPage *self,
                    AdwToast       *toast)
{
  if (self->remove_toast == toast)
    self->remove_toast = NULL;
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CgPartnersPage *self = CG_PARTNERS_PAGE (widget);
  guint id = g_variant_get_uint32 (param);
  const CgPartner *partner;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (self->session == NULL || (partner = cg_session_lookup_partner (self->session, id)) == NULL)
    return;

  /* Toast titles are markup: a name like "R&D" must arrive as text. */
  escaped = g_markup_escape_text (partner->name[0] ? partner->name : _("unnamed partner"), -1);
  toast = adw_toast_new_format (_("Removed “%s”"), escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "partners.undo-remove");

  if (self->remove_toast != NULL)
    adw_toast_dismiss (self->remove_toast);
  self->removing = TRUE;
  cg_session_remove_partner (self->session, id);
  self->removing = FALSE;

  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  self->remove_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CgPartnersPage *self = CG_PARTNERS_PAGE (widget);

  AdwToast *toast = self->remove_toast;

  if (self->session == NULL || toast == NULL)
    return;
  self->remove_toast = NULL;
  adw_toast_dismiss (toast);
  cg_session_undo (self->session);
}

static void
cg_partners_page_set_session (CgPartnersPage *self,
                              CgSession      *session)
{
  if (self->session == session)
    return;

  if (self->remove_toast != NULL)
    adw_toast_dismiss (self->remove_toast);
  remove_all_rows (self);
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);

  rebuild (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_name_entry), session != NULL);
  on_new_name_changed (self, GTK_EDITABLE (self->new_name_entry));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
cg_partners_page_dispose (GObject *object)
{
  CgPartnersPage *self = CG_PARTNERS_PAGE (object);

  g_signal_group_set_target (self->session_signals, NULL);
  self->remove_toast = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_PARTNERS_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cg_partners_page_parent_class)->dispose (object);
}

static void
cg_partners_page_finalize (GObject *object)
{
  g_object_unref (CG_PARTNERS_PAGE (object)->session_signals);
  G_OBJECT_CLASS (cg_partners_page_parent_class)->finalize (object);
}

static void
cg_partners_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CgPartnersPage *self = CG_PARTNERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_STAGE: g_value_set_int (value, CG_STAGE_PARTNERS); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_partners_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CgPartnersPage *self = CG_PARTNERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION: cg_partners_page_set_session (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_partners_page_class_init (CgPartnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_partners_page_dispose;
  object_class->finalize = cg_partners_page_finalize;
  object_class->get_property = cg_partners_page_get_property;
  object_class->set_property = cg_partners_page_set_property;

  properties[PROP_SESSION] =
    cg_stage_page_override_properties (object_class, PROP_SESSION, PROP_STAGE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-partners-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgPartnersPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgPartnersPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CgPartnersPage, new_name_entry);
  gtk_widget_class_bind_template_child (widget_class, CgPartnersPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CgPartnersPage, partner_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gtk_widget_class_bind_template_callback (widget_class, on_new_name_changed);

  gtk_widget_class_install_action (widget_class, "partners.remove", "u", remove_action);
  gtk_widget_class_install_action (widget_class, "partners.undo-remove", NULL, undo_remove_action);
}

static void
cg_partners_page_init (CgPartnersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->session_signals = g_signal_group_new (CG_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "changed", G_CALLBACK (session_changed_cb),
                                 self, G_CONNECT_SWAPPED);

  gtk_list_box_set_sort_func (self->partner_list, sort_rows, self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_name_entry), FALSE);
  gtk_widget_set_sensitive (self->add_button, FALSE);
  /* Its own undo would eat Ctrl+Z, which must reach the session's history
   * (focus lands here after adding a partner, to be undone). */
  cg_undo_keys_disable_text_undo (GTK_WIDGET (self->new_name_entry));
  /* The button's name is its accessible label; GTK 4.8 would add the inner
   * label's text (and, without the label, the mnemonic's underscore) to it. */
  gtk_accessible_update_state (
    GTK_ACCESSIBLE (gtk_button_get_child (GTK_BUTTON (self->add_button))),
    GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  update_summary (self);
}

GtkWidget *
cg_partners_page_new (void)
{
  return g_object_new (CG_TYPE_PARTNERS_PAGE, NULL);
}
