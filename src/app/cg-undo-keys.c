/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-undo-keys"
#include "config.h"

#include "cg-undo-keys.h"

void
cg_undo_keys_disable_text_undo (GtkWidget *field)
{
  g_return_if_fail (GTK_IS_EDITABLE (field) || GTK_IS_TEXT_VIEW (field));

  /* A text view disables its Ctrl+Z binding when it has nothing to undo,
   * so the key goes up to the window's win.undo. GtkText (inside GtkEntry
   * and AdwEntryRow) keeps its text.undo action enabled even with undo off
   * and so would eat the key: its actions are switched off too. */
  if (GTK_IS_EDITABLE (field))
    {
      GtkEditable *text = GTK_EDITABLE (field);

      gtk_editable_set_enable_undo (text, FALSE);
      while (gtk_editable_get_delegate (text) != NULL)
        text = gtk_editable_get_delegate (text);
      gtk_widget_action_set_enabled (GTK_WIDGET (text), "text.undo", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (text), "text.redo", FALSE);
    }
  else
    gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), FALSE);
}

static gboolean
commit_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  CgCommitFunc commit = (CgCommitFunc) user_data;

  commit (widget);
  /* Not handled: the key goes on to the window's undo or redo. */
  return FALSE;
}

void
cg_undo_keys_commit_first (GtkWidget   *widget,
                           CgCommitFunc commit)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (commit != NULL);

  /* Bubble phase: the focused field has seen the key (and let it pass)
   * before this runs, and the window sees it after. */
  controller = gtk_shortcut_controller_new ();
  shortcut =
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z|<Control><Shift>z|<Control>y"),
                      gtk_callback_action_new (commit_cb, (gpointer) commit, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (widget, controller);
}
