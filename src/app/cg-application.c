/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-application"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-about.h"
#include "cg-application.h"
#include "cg-preferences-window.h"
#include "cg-recent.h"
#include "cg-restore.h"
#include "cg-session-xml.h"
#include "cg-template.h"
#include "cg-window.h"

/* The template a session starts from when none was chosen. */
#define DEFAULT_TEMPLATE "standard"

struct _CgApplication
{
  AdwApplication parent_instance;

  /* Drafts left by a crash are offered once, with the first window. */
  guint recovery_offered : 1;
};

G_DEFINE_FINAL_TYPE (CgApplication, cg_application, ADW_TYPE_APPLICATION)

typedef struct
{
  CgApplication *app;
  GFile *file;
  GtkWindow *parent; /* weak */
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_weak_pointer (&data->parent);
  g_application_release (G_APPLICATION (data->app));
  g_clear_object (&data->app);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

CgSession *
cg_application_create_session (const char *template_id,
                               GError    **error)
{
  g_autoptr (CgSession) session = NULL;

  if (template_id != NULL)
    session = cg_session_new_from_template (template_id, error);
  else
    session = cg_session_new ();
  if (session == NULL)
    return NULL;
  /* Preferences say whether a new session hides answers until Reveal. */
  if (cg_preferences_get_answers_hidden_default ())
    cg_session_set_answers_hidden (session, TRUE);
  cg_session_clear_history (session);
  cg_session_set_unmodified (session);
  return g_steal_pointer (&session);
}

static CgWindow *
find_window (CgApplication *self,
             GFile         *file,
             gboolean       reusable)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      CgSession *session;
      GFile *window_file;

      if (!CG_IS_WINDOW (l->data))
        continue;
      if (reusable && cg_window_is_reusable (l->data))
        return l->data;
      session = cg_window_get_session (l->data);
      window_file = session ? cg_session_get_file (session) : NULL;
      if (file && window_file && g_file_equal (file, window_file))
        return l->data;
    }
  return NULL;
}

GtkWindow *
cg_application_show_session (CgApplication *self,
                             CgSession     *session,
                             GtkWindow     *prefer)
{
  CgWindow *window = NULL;

  g_return_val_if_fail (CG_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  g_return_val_if_fail (prefer == NULL || GTK_IS_WINDOW (prefer), NULL);

  /* One window per session: only a window nobody has used yet is reused. */
  if (CG_IS_WINDOW (prefer) && cg_window_is_reusable (CG_WINDOW (prefer)))
    window = CG_WINDOW (prefer);
  if (window == NULL)
    window = find_window (self, NULL, TRUE);
  if (window == NULL)
    window = cg_window_new (self);
  cg_window_set_session (window, session);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
offer_recovery (CgApplication *self,
                GtkWindow     *parent)
{
  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  cg_restore_offer (self, parent);
}

static GtkWindow *
new_default_window (CgApplication *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CgSession) session = NULL;
  CgWindow *window = cg_window_new (self);

  session = cg_application_create_session (DEFAULT_TEMPLATE, &error);
  if (session == NULL)
    {
      g_debug ("Starting empty: %s", error->message);
      session = cg_application_create_session (NULL, NULL);
    }
  cg_window_set_session (window, session);
  return GTK_WINDOW (window);
}

static void
show_open_error (GtkWindow    *parent,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, NULL, error->message);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could not open “%s”"), name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (OpenData) data = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CgSession) session = NULL;
  GtkWindow *parent;

  session = cg_session_xml_load_file_finish (result, &error);
  if (session != NULL)
    {
      GtkWindow *window = cg_application_show_session (data->app, session, data->parent);

      cg_window_note_file_version (CG_WINDOW (window));
      cg_recent_add (data->file);
      offer_recovery (data->app, window);
      return;
    }

  /* The app keeps running: the error needs a window to stand on. */
  parent = data->parent;
  if (parent == NULL)
    parent = gtk_application_get_active_window (GTK_APPLICATION (data->app));
  if (parent == NULL)
    {
      parent = new_default_window (data->app);
      gtk_window_present (parent);
    }
  show_open_error (parent, data->file, error);
  offer_recovery (data->app, parent);
}

void
cg_application_open_file (CgApplication *self,
                          GFile         *file,
                          GtkWindow     *parent)
{
  OpenData *data;
  CgWindow *window;

  g_return_if_fail (CG_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = find_window (self, file, FALSE);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  /* Held until the load ends, so a start with only files to open does not
   * quit before the first window exists. */
  g_application_hold (G_APPLICATION (self));
  data = g_new0 (OpenData, 1);
  data->app = g_object_ref (self);
  data->file = g_object_ref (file);
  g_set_weak_pointer (&data->parent, parent);
  cg_session_xml_load_file_async (file, NULL, open_file_cb, data);
}

static void
cg_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = new_default_window (CG_APPLICATION (app));
  gtk_window_present (window);
  offer_recovery (CG_APPLICATION (app), window);
}

static void
cg_application_open (GApplication *app,
                     GFile       **files,
                     int           n_files,
                     const char   *hint)
{
  for (int i = 0; i < n_files; i++)
    cg_application_open_file (CG_APPLICATION (app), files[i], NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));
  g_autoptr (GList) copy = g_list_copy (windows);

  /* Each window asks about its own unsaved changes; the application ends
   * when the last window has gone. */
  for (GList *l = copy; l; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  cg_show_about (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  CgApplication *self = user_data;
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  cg_application_open_file (self, file, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "open-recent", open_recent_action, "s" },
};

/* CG_QUIT_AFTER_FIRST_FRAME=1 (for build-aux/bench): quit as soon as the
 * first window has drawn its first frame, so that the time from exec to
 * exit measures startup. Nothing else in the app depends on it. */
static void
first_frame_painted (GdkFrameClock *clock,
                     gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted, user_data);
  g_application_quit (G_APPLICATION (user_data));
}

static void
first_window_realized (GtkWidget *window,
                       gpointer   user_data)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_frame_painted), user_data, 0);
}

static void
first_window_added (GtkApplication *app,
                    GtkWindow      *window,
                    gpointer        user_data)
{
  g_signal_handlers_disconnect_by_func (app, first_window_added, user_data);
  g_signal_connect_object (window, "realize", G_CALLBACK (first_window_realized), app, 0);
}

static void
cg_application_startup (GApplication *app)
{
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.shortcuts", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (cg_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
  if (g_strcmp0 (g_getenv ("CG_QUIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect (app, "window-added", G_CALLBACK (first_window_added), NULL);
}

static void
cg_application_class_init (CgApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = cg_application_startup;
  app_class->activate = cg_application_activate;
  app_class->open = cg_application_open;
}

static void
cg_application_init (CgApplication *self)
{
}

CgApplication *
cg_application_new (void)
{
  return g_object_new (CG_TYPE_APPLICATION, "application-id", APP_ID, "resource-base-path",
                       "/io/github/commonground/CommonGround", "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
