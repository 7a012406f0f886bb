/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-restore"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-recovery.h"
#include "cg-restore.h"
#include "cg-window.h"

typedef struct
{
  CgApplication *app;
  GtkWindow *parent; /* weak */
  CgRecoveryEntry *entry;
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_clear_weak_pointer (&data->parent);
  g_application_release (G_APPLICATION (data->app));
  g_clear_object (&data->app);
  cg_recovery_entry_free (data->entry);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RestoreData, restore_data_free)

static const char *
entry_title (const CgRecoveryEntry *entry)
{
  return entry->title[0] != '\0' ? entry->title : _("Untitled session");
}

static void
show_restore_error (GtkWindow             *parent,
                    const CgRecoveryEntry *entry,
                    const GError          *error)
{
  GtkWidget *dialog;

  /* The draft stays where it is, offered again at the next start. */
  dialog = adw_message_dialog_new (parent, NULL, error->message);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could not restore “%s”"),
                                     entry_title (entry));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (RestoreData) data = user_data;
  g_autoptr (CgSession) session = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *window;

  session = cg_recovery_load_finish (result, &error);
  if (session == NULL)
    {
      GtkWindow *parent = data->parent;

      if (parent == NULL)
        parent = gtk_application_get_active_window (GTK_APPLICATION (data->app));
      show_restore_error (parent, data->entry, error);
      return;
    }
  window = cg_application_show_session (data->app, session, data->parent);
  /* The same draft goes on holding this session, now owned by us. */
  cg_window_adopt_draft (CG_WINDOW (window), data->entry->id);
}

static void
restore (CgApplication *app,
         GtkWindow     *parent,
         GPtrArray     *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      RestoreData *data = g_new0 (RestoreData, 1);

      /* Held until the draft is shown, so the app cannot end meanwhile. */
      g_application_hold (G_APPLICATION (app));
      data->app = g_object_ref (app);
      g_set_weak_pointer (&data->parent, parent);
      data->entry = cg_recovery_entry_copy (g_ptr_array_index (entries, i));
      cg_recovery_load_async (data->entry, NULL, restored_cb, data);
    }
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             CgApplication    *app)
{
  GPtrArray *entries = g_object_get_data (G_OBJECT (dialog), "entries");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_str_equal (response, "restore"))
    restore (app, parent, entries);
  else if (g_str_equal (response, "discard"))
    for (guint i = 0; i < entries->len; i++)
      cg_recovery_discard (((CgRecoveryEntry *) g_ptr_array_index (entries, i))->id);
}

static char *
describe_time (GDateTime *when)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int y1, m1, d1, y2, m2, d2;

  g_date_time_get_ymd (when, &y1, &m1, &d1);
  g_date_time_get_ymd (now, &y2, &m2, &d2);
  if (y1 == y2 && m1 == m2 && d1 == d2)
    /* Translators: when a draft was saved, a g_date_time_format() format:
     * "today at 14:05". xgettext:no-c-format */
    return g_date_time_format (when, _("today at %H:%M"));
  /* Translators: when a draft was saved, a g_date_time_format() format:
   * "23 November 2026 at 14:05". xgettext:no-c-format */
  return g_date_time_format (when, _("%-d %B %Y at %H:%M"));
}

static char *
describe_drafts (GPtrArray *entries)
{
  GString *body = g_string_new (ngettext ("Common Ground did not close properly. A copy was "
                                          "kept of a session with unsaved changes:",
                                          "Common Ground did not close properly. Copies were "
                                          "kept of sessions with unsaved changes:",
                                          entries->len));

  for (guint i = 0; i < entries->len; i++)
    {
      const CgRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = describe_time (entry->saved_at);

      g_string_append (body, "\n\n");
      /* Translators: a session title, then when its copy was saved */
      g_string_append_printf (body, _("“%s”, saved %s"), entry_title (entry), when);
      if (entry->original_uri != NULL)
        {
          g_autoptr (GFile) file = g_file_new_for_uri (entry->original_uri);
          g_autofree char *name = g_file_get_parse_name (file);

          g_string_append_printf (body, "\n%s", name);
        }
    }
  return g_string_free (body, FALSE);
}

void
cg_restore_offer (CgApplication *app,
                  GtkWindow     *parent)
{
  g_autoptr (GPtrArray) entries = cg_recovery_list ();
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (CG_IS_APPLICATION (app));

  if (entries->len == 0)
    return;
  body = describe_drafts (entries);
  dialog = adw_message_dialog_new (
    parent, ngettext ("Restore Unsaved Session?", "Restore Unsaved Sessions?", entries->len), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "discard", _("_Discard"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* Escape decides nothing: the drafts are offered again next time. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "entries", g_steal_pointer (&entries),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), app, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
