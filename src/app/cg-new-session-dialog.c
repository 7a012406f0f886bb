/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-new-session-dialog"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-new-session-dialog.h"
#include "cg-template.h"

struct _CgNewSessionDialog
{
  AdwMessageDialog parent_instance;

  /* Template widgets */
  GtkListBox *template_list;

  /* Borrowed: the radio of the first row, which groups the others */
  GtkCheckButton *group;
};

G_DEFINE_FINAL_TYPE (CgNewSessionDialog, cg_new_session_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  TEMPLATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
add_choice (CgNewSessionDialog *self,
            const char         *id,
            const char         *name,
            const char         *description)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (check), "template-id", g_strdup (id), g_free);

  if (self->group == NULL)
    {
      self->group = GTK_CHECK_BUTTON (check);
      gtk_check_button_set_active (self->group, TRUE);
    }
  else
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->group);
  gtk_list_box_append (self->template_list, row);
}

/* The bundled templates come from the core (cg-template.h). */
static void
add_templates (CgNewSessionDialog *self)
{
  g_autoptr (GPtrArray) templates = cg_template_list ();

  for (guint i = 0; i < templates->len; i++)
    {
      const CgTemplateInfo *info = g_ptr_array_index (templates, i);

      add_choice (self, info->id, info->name, info->description);
    }
}

static const char *
chosen_id (CgNewSessionDialog *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->template_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      if (check && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        return g_object_get_data (G_OBJECT (check), "template-id");
    }
  return "";
}

static void
cg_new_session_dialog_response (AdwMessageDialog *dialog,
                                const char       *response)
{
  CgNewSessionDialog *self = CG_NEW_SESSION_DIALOG (dialog);

  if (g_str_equal (response, "create"))
    g_signal_emit (self, signals[TEMPLATE_CHOSEN], 0, chosen_id (self));
}

static void
cg_new_session_dialog_class_init (CgNewSessionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  dialog_class->response = cg_new_session_dialog_response;

  signals[TEMPLATE_CHOSEN] =
    g_signal_new ("template-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-new-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CgNewSessionDialog, template_list);
}

static void
cg_new_session_dialog_init (CgNewSessionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_templates (self);
  add_choice (self, "", _("Empty session"),
              _("No statements, aims or tasks: write your own workshop."));
}

CgNewSessionDialog *
cg_new_session_dialog_new (GtkWindow *parent)
{
  return g_object_new (CG_TYPE_NEW_SESSION_DIALOG, "transient-for", parent, NULL);
}
