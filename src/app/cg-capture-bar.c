/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-capture-bar"
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "cg-capture-bar.h"

struct _CgCaptureBar
{
  GtkWidget parent_instance;

  /* Owned */
  CgSession *session;
  CgStage stage;
  guint private_partner;
  gboolean menu_stale; /* partners changed while the bar was not shown */

  /* Borrowed */
  GtkWidget *pass_button;
  GtkWidget *private_label;
  GtkWidget *back_button;
  GtkWidget *hidden_label;
  GtkWidget *reveal_button;
  GtkWidget *hide_button;
};

G_DEFINE_FINAL_TYPE (CgCaptureBar, cg_capture_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PRIVATE_PARTNER,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
rebuild_menu (CgCaptureBar *self)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  guint n = self->session != NULL ? cg_session_get_n_partners (self->session) : 0;

  for (guint i = 0; i < n; i++)
    {
      const CgPartner *p = cg_session_get_partner (self->session, i);
      g_autoptr (GMenuItem) item = g_menu_item_new (p->name, NULL);

      g_menu_item_set_action_and_target_value (item, "capture.pass-to",
                                               g_variant_new_uint32 (p->id));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->pass_button), G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (self->pass_button, n > 0);
}

static void
update_state (CgCaptureBar *self)
{
  gboolean hidden = self->session != NULL && cg_session_get_answers_hidden (self->session);
  gboolean revealed = self->session != NULL && cg_session_get_revealed (self->session, self->stage);
  const CgPartner *p = NULL;

  if (self->session != NULL && self->private_partner != 0)
    p = cg_session_lookup_partner (self->session, self->private_partner);
  if (p != NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("Private entry: only %s’s answers are shown"), p->name);

      gtk_label_set_text (GTK_LABEL (self->private_label), text);
    }
  gtk_widget_set_visible (self->private_label, p != NULL);
  gtk_widget_set_visible (self->back_button, p != NULL);
  gtk_widget_set_visible (self->pass_button, p == NULL);
  gtk_widget_set_visible (self->hidden_label, hidden && !revealed);
  gtk_widget_set_visible (self->reveal_button, hidden && !revealed && p == NULL);
  gtk_widget_set_visible (self->hide_button, hidden && revealed && p == NULL);
}

static void
on_session_changed (CgSession    *session,
                    CgChangeKind  kind,
                    guint         a,
                    guint         b,
                    CgCaptureBar *self)
{
  switch (kind)
    {
    case CG_CHANGE_PARTNER_REMOVED:
    case CG_CHANGE_ALL:
      if (self->private_partner != 0 &&
          cg_session_lookup_partner (session, self->private_partner) == NULL)
        cg_capture_bar_set_private_partner (self, 0);
      G_GNUC_FALLTHROUGH;
    case CG_CHANGE_PARTNER_ADDED:
    case CG_CHANGE_PARTNER:
    case CG_CHANGE_PARTNERS_MOVED:
      /* A name typed on the Partners stage changes at every key: the other
       * stages' menus are made again when shown. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        rebuild_menu (self);
      else
        self->menu_stale = TRUE;
      update_state (self);
      break;
    case CG_CHANGE_OPTIONS: update_state (self); break;
    default: break;
    }
}

void
cg_capture_bar_set_session (CgCaptureBar *self,
                            CgSession    *session)
{
  g_return_if_fail (CG_IS_CAPTURE_BAR (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, 0);
  cg_capture_bar_set_private_partner (self, 0);
  rebuild_menu (self);
  update_state (self);
}

void
cg_capture_bar_set_stage (CgCaptureBar *self,
                          CgStage       stage)
{
  g_return_if_fail (CG_IS_CAPTURE_BAR (self));
  self->stage = stage;
  update_state (self);
}

guint
cg_capture_bar_get_private_partner (CgCaptureBar *self)
{
  g_return_val_if_fail (CG_IS_CAPTURE_BAR (self), 0);
  return self->private_partner;
}

void
cg_capture_bar_set_private_partner (CgCaptureBar *self,
                                    guint         partner_id)
{
  g_return_if_fail (CG_IS_CAPTURE_BAR (self));

  if (self->private_partner == partner_id)
    return;
  self->private_partner = partner_id;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIVATE_PARTNER]);
}

static void
pass_to_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  cg_capture_bar_set_private_partner (CG_CAPTURE_BAR (widget), g_variant_get_uint32 (param));
}

static void
on_all_partners_response (AdwMessageDialog *dialog,
                          const char       *response,
                          CgCaptureBar     *self)
{
  if (!g_str_equal (response, "all-partners"))
    return;
  cg_capture_bar_set_private_partner (self, 0);
  gtk_widget_grab_focus (self->pass_button);
}

/* Leaving private entry shows every partner's answers again and unlocks
 * the other stages, so it is the facilitator's deliberate step: a question
 * whose default (Enter, Escape) keeps the entry private, in case the
 * partner holding the laptop presses the button. */
static void
all_partners_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  CgCaptureBar *self = CG_CAPTURE_BAR (widget);
  const CgPartner *p = NULL;
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (self->private_partner == 0)
    return;
  if (self->session != NULL)
    p = cg_session_lookup_partner (self->session, self->private_partner);
  body = g_strdup_printf (_("Hand the laptop back to the facilitator first. %s’s answers will be "
                             "shown next to everyone else’s, and the other stages open again."),
                          p != NULL ? p->name : _("This partner"));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Show All Partners Again?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Private"),
                                    "all-partners", _("_Show All Partners"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "all-partners",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_all_partners_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reveal_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  CgCaptureBar *self = CG_CAPTURE_BAR (widget);

  if (self->session == NULL)
    return;
  cg_session_set_revealed (self->session, self->stage, g_str_equal (name, "capture.reveal"));
  gtk_widget_grab_focus (g_str_equal (name, "capture.reveal") ? self->hide_button
                                                              : self->reveal_button);
}

static void
cg_capture_bar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  if (prop_id == PROP_PRIVATE_PARTNER)
    g_value_set_uint (value, CG_CAPTURE_BAR (object)->private_partner);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cg_capture_bar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  if (prop_id == PROP_PRIVATE_PARTNER)
    cg_capture_bar_set_private_partner (CG_CAPTURE_BAR (object), g_value_get_uint (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cg_capture_bar_dispose (GObject *object)
{
  CgCaptureBar *self = CG_CAPTURE_BAR (object);
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cg_capture_bar_parent_class)->dispose (object);
}

static void
cg_capture_bar_map (GtkWidget *widget)
{
  CgCaptureBar *self = CG_CAPTURE_BAR (widget);

  GTK_WIDGET_CLASS (cg_capture_bar_parent_class)->map (widget);
  if (self->menu_stale)
    {
      self->menu_stale = FALSE;
      rebuild_menu (self);
    }
}

static void
cg_capture_bar_class_init (CgCaptureBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cg_capture_bar_get_property;
  object_class->set_property = cg_capture_bar_set_property;
  object_class->dispose = cg_capture_bar_dispose;
  widget_class->map = cg_capture_bar_map;
  properties[PROP_PRIVATE_PARTNER] =
    g_param_spec_uint ("private-partner", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "capture.pass-to", "u", pass_to_action);
  gtk_widget_class_install_action (widget_class, "capture.all-partners", NULL, all_partners_action);
  gtk_widget_class_install_action (widget_class, "capture.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "capture.hide", NULL, reveal_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cg-capture-bar");
}

static GtkWidget *
add_button (CgCaptureBar *self,
            const char   *label,
            const char   *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  g_autofree char *spoken = g_strdup (label);
  char *w = spoken;

  /* GTK 4.8 would read the mnemonic's underscore out as part of the name... */
  for (const char *r = label; *r != '\0'; r++)
    if (*r != '_')
      *w++ = *r;
  *w = '\0';
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  /* ...and would repeat the inner label's text after it. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (gtk_button_get_child (GTK_BUTTON (button))),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_parent (button, GTK_WIDGET (self));
  return button;
}

/* The bar's words wrap: the page scrolls only up and down, so a bar as
 * wide as its longest sentence would widen the page past a narrow window
 * (or fold the window's sidebar away). */
static GtkWidget *
new_wrapping_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  return label;
}

static void
cg_capture_bar_init (CgCaptureBar *self)
{
  GtkWidget *spacer = gtk_label_new (NULL);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              12);
  self->pass_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->pass_button), _("Pass the laptop to…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pass_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pass the laptop to…"), -1);
  gtk_widget_set_tooltip_text (self->pass_button,
                               _("Show only one partner’s answers while they enter them"));
  gtk_widget_set_parent (self->pass_button, GTK_WIDGET (self));
  self->private_label = new_wrapping_label (NULL);
  gtk_widget_add_css_class (self->private_label, "private-banner");
  gtk_widget_set_parent (self->private_label, GTK_WIDGET (self));
  self->back_button = add_button (self, _("_Back to all partners"), "capture.all-partners");
  gtk_widget_add_css_class (self->back_button, "suggested-action");
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (spacer), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_parent (spacer, GTK_WIDGET (self));
  self->hidden_label = new_wrapping_label (_("Answers are hidden until revealed"));
  /* The room must see that answers are hidden: a banner, not dim text. */
  gtk_widget_add_css_class (self->hidden_label, "hidden-banner");
  gtk_widget_set_parent (self->hidden_label, GTK_WIDGET (self));
  self->reveal_button = add_button (self, _("_Reveal answers"), "capture.reveal");
  gtk_widget_add_css_class (self->reveal_button, "suggested-action");
  self->hide_button = add_button (self, _("_Hide answers"), "capture.hide");
  update_state (self);
}

GtkWidget *
cg_capture_bar_new (void)
{
  return g_object_new (CG_TYPE_CAPTURE_BAR, NULL);
}
