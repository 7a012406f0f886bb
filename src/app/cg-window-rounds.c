/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-window-rounds.c: File › New Round…
 *
 * A new round asks the same questions again (cg_session_new_round()). It
 * remembers the earlier file by its SHA-256, so it is made from the file as
 * saved: a session with unsaved changes is saved first. The new round is
 * written at once where the facilitator chooses and shown, compared with
 * the earlier session from the start.
 */
#define G_LOG_DOMAIN "cg-window"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cg-application.h"
#include "cg-compare.h"
#include "cg-recent.h"
#include "cg-session-xml.h"
#include "cg-window-private.h"

typedef struct
{
  CgWindow *window;
  CgSession *earlier; /* as loaded back from its file */
  GBytes *bytes;      /* that file's bytes */
  CgSession *round;
  GFile *target;
} NewRound;

static void
new_round_free (NewRound *nr)
{
  g_object_unref (nr->window);
  g_clear_object (&nr->earlier);
  g_clear_pointer (&nr->bytes, g_bytes_unref);
  g_clear_object (&nr->round);
  g_clear_object (&nr->target);
  g_free (nr);
}

static void
toast (CgWindow   *self,
       const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
round_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  NewRound *nr = data;
  CgWindow *self = nr->window;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr (GError) error = NULL;

  if (!cg_session_xml_save_file_finish (nr->round, result, &error))
    {
      g_autofree char *text =
        g_strdup_printf (_("Could not save the new round: %s"), error->message);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, text);
      new_round_free (nr);
      return;
    }
  cg_recent_add (nr->target);
  /* Compared with the earlier round from the start: Review shows "Since". */
  cg_compare_set_earlier (nr->round, nr->earlier, nr->bytes);
  if (app != NULL)
    cg_application_show_session (CG_APPLICATION (app), nr->round, GTK_WINDOW (self));
  else
    cg_window_set_session (self, nr->round);
  new_round_free (nr);
}

static void
save_round (NewRound *nr,
            GFile    *target)
{
  nr->target = g_object_ref (target);
  /* The chooser has asked before replacing a file; the test path has no chooser. */
  cg_session_xml_save_file_async (nr->round, target, FALSE, nr->window->cancellable, round_saved_cb,
                                  nr);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     NewRound        *nr)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      save_round (nr, file);
    }
  else
    new_round_free (nr);
  g_object_unref (native);
}

static void
choose_target (NewRound *nr,
               GFile    *earlier_file)
{
  const char *test_path = g_getenv ("CG_TEST_SAVE_PATH");
  g_autoptr (GFile) folder = g_file_get_parent (earlier_file);
  g_autofree char *base = g_file_get_basename (earlier_file);
  g_autofree char *stem = g_strdup (base);
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  /* As Save As: tests cannot reach a native file chooser. */
  if (test_path != NULL && *test_path != '\0')
    {
      g_autoptr (GFile) file = g_file_new_for_path (test_path);

      save_round (nr, file);
      return;
    }
  if (g_str_has_suffix (stem, ".commonground"))
    stem[strlen (stem) - strlen (".commonground")] = '\0';
  /* TRANSLATORS: the suggested file name of a new round; %s is the earlier file's */
  name = g_strdup_printf (_("%s (new round).commonground"), stem);
  native = gtk_file_chooser_native_new (_("Save the New Round"), GTK_WINDOW (nr->window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), nr);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
earlier_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  NewRound *nr = data;
  GFile *file = G_FILE (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  nr->bytes = g_file_load_bytes_finish (file, result, NULL, &error);
  if (nr->bytes != NULL)
    nr->earlier = cg_session_xml_load_data (g_bytes_get_data (nr->bytes, NULL),
                                            g_bytes_get_size (nr->bytes), name, &error);
  if (nr->earlier == NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("Could not read “%s” for a new round: %s"), name, error->message);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (nr->window, text);
      new_round_free (nr);
      return;
    }
  /* Made from the file, not from the window: what the digest names. */
  nr->round = cg_session_new_round (nr->earlier, name, nr->bytes);
  choose_target (nr, file);
}

static void
new_round_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CgWindow *self = CG_WINDOW (widget);
  GFile *file;
  NewRound *nr;

  if (self->session == NULL)
    return;
  file = cg_session_get_file (self->session);
  if (file == NULL || cg_session_get_modified (self->session))
    {
      toast (self, _("Save the session first: a new round remembers the saved file."));
      return;
    }
  nr = g_new0 (NewRound, 1);
  nr->window = g_object_ref (self);
  g_file_load_bytes_async (file, self->cancellable, earlier_loaded_cb, nr);
}

void
_cg_window_class_init_rounds (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-round", NULL, new_round_action);
}
