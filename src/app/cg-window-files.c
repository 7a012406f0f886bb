/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-window"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-new-session-dialog.h"
#include "cg-recent.h"
#include "cg-session-xml.h"
#include "cg-window-private.h"

typedef struct
{
  CgWindow *window;
  CgSession *session;
  GFile *file;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->session);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static char *
session_display_name (CgSession *session)
{
  GFile *file = cg_session_get_file (session);
  const char *title = cg_session_get_detail (session, CG_DETAIL_TITLE);

  if (file != NULL)
    return g_file_get_basename (file);
  if (title[0] != '\0')
    return g_strdup (title);
  return g_strdup (_("Untitled session"));
}

static GtkFileFilter *
create_session_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Common Ground sessions"));
  gtk_file_filter_add_pattern (filter, "*.commonground");
  gtk_file_filter_add_mime_type (filter, "application/x-commonground-session");
  return filter;
}

static void save_to_file (CgWindow *self, GFile *file, gboolean check_etag);

static void
overwrite_response_cb (CgWindow         *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_str_equal (response, "overwrite"))
    save_to_file (self, file, FALSE);
  else if (g_str_equal (response, "save-as"))
    _cg_window_save_as (self);
  else
    self->close_after_save = FALSE;
}

static void
ask_overwrite (CgWindow *self,
               GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                   _("The file was changed by another program since you "
                                      "opened it. Overwriting it loses those changes."));
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("“%s” Changed on Disk"), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save-as",
                                    _("Save _As…"), "overwrite", _("_Overwrite"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_error_response_cb (CgWindow         *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "save-as"))
    _cg_window_save_as (self);
  else
    self->close_after_save = FALSE;
}

static void
show_save_error (CgWindow     *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, error->message);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could not save “%s”"), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save-as",
                                    _("Save _As…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_error_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (SaveData) data = user_data;
  g_autoptr (GError) error = NULL;
  CgWindow *self = data->window;

  self->saving = FALSE;
  if (!cg_session_xml_save_file_finish (data->session, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The session stays modified: nothing was written. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        ask_overwrite (self, data->file);
      else
        show_save_error (self, data->file, error);
      return;
    }

  cg_recent_add (data->file);
  _cg_window_update_title (self);
  if (self->close_after_save && self->session == data->session &&
      !cg_session_get_modified (data->session))
    {
      self->close_confirmed = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
save_to_file (CgWindow *self,
              GFile    *file,
              gboolean  check_etag)
{
  SaveData *data;

  /* One save at a time; the second would race the first's rename. */
  if (self->saving || self->session == NULL)
    return;

  self->saving = TRUE;
  data = g_new0 (SaveData, 1);
  data->window = g_object_ref (self);
  data->session = g_object_ref (self->session);
  data->file = g_object_ref (file);
  /* The core serialises now and replaces the file atomically in a thread. */
  cg_session_xml_save_file_async (self->session, file, check_etag, self->cancellable, save_cb,
                                  data);
}

void
_cg_window_save (CgWindow *self)
{
  GFile *file;

  if (self->session == NULL)
    return;

  file = cg_session_get_file (self->session);
  if (file == NULL)
    _cg_window_save_as (self);
  else
    save_to_file (self, file, TRUE);
}

static void
save_as_response_cb (GtkNativeDialog *native,
                     int              response,
                     CgWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      /* The chooser has already asked before replacing another file. */
      save_to_file (self, file, FALSE);
    }
  else
    self->close_after_save = FALSE;

  g_object_unref (native);
  g_object_unref (self);
}

static char *
suggested_file_name (CgSession *session)
{
  const char *title = cg_session_get_detail (session, CG_DETAIL_TITLE);
  g_autofree char *base = g_strdup (title[0] ? title : _("Untitled session"));

  /* A title may hold characters a file name cannot. */
  g_strdelimit (base, "/\\", '-');
  return g_strdup_printf ("%s.commonground", base);
}

void
_cg_window_save_as (CgWindow *self)
{
  g_autofree char *name = NULL;
  g_autoptr (GtkFileFilter) filter = create_session_filter ();
  GtkFileChooserNative *native;
  const char *test_path;
  GFile *file;

  if (self->session == NULL)
    return;

  /* Test hook for tests/e2e, which drive the app through the accessibility
   * bus and cannot reach a native file chooser: with CG_TEST_SAVE_PATH set,
   * Save As writes there instead of asking. Not meant for users. */
  test_path = g_getenv ("CG_TEST_SAVE_PATH");
  if (test_path != NULL && test_path[0] != '\0')
    {
      g_autoptr (GFile) test_file = g_file_new_for_path (test_path);

      save_to_file (self, test_file, FALSE);
      return;
    }

  native = gtk_file_chooser_native_new (_("Save Session"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  file = cg_session_get_file (self->session);
  if (file != NULL)
    {
      g_autoptr (GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  name = suggested_file_name (self->session);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect (native, "response", G_CALLBACK (save_as_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  CgWindow        *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT && app != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      cg_application_open_file (CG_APPLICATION (app), file, GTK_WINDOW (self));
    }
  g_object_unref (native);
  g_object_unref (self);
}

void
_cg_window_open (CgWindow *self)
{
  g_autoptr (GtkFileFilter) filter = create_session_filter ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Session"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
template_chosen_cb (CgWindow           *self,
                    const char         *template_id,
                    CgNewSessionDialog *dialog)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr (CgSession) session = NULL;
  g_autoptr (GError) error = NULL;

  session = cg_application_create_session (template_id[0] ? template_id : NULL, &error);
  if (session == NULL)
    {
      GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self),
                                                 _("Could not start the session"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
      return;
    }
  if (app != NULL)
    cg_application_show_session (CG_APPLICATION (app), session, GTK_WINDOW (self));
  else
    cg_window_set_session (self, session);
}

void
_cg_window_new_session (CgWindow *self)
{
  CgNewSessionDialog *dialog = cg_new_session_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "template-chosen", G_CALLBACK (template_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_response_cb (CgWindow         *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "discard"))
    {
      /* The dialog outlives this handler; GTK 4.8 would touch its freed
       * parent when it goes. */
      gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
      self->close_confirmed = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      _cg_window_save (self);
    }
}

void
_cg_window_confirm_close (CgWindow *self)
{
  g_autofree char *name = session_display_name (self->session);
  GtkWidget *dialog;

  gtk_window_present (GTK_WINDOW (self));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                   _("Changes which are not saved will be permanently lost."));
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("Save changes to “%s” before closing?"), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "discard",
                                    _("_Discard"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Recovery drafts and the Open Recent menu ----------------------------- */

const char *
cg_window_get_draft_id (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return cg_autosave_get_draft_id (self->autosave);
}

void
cg_window_adopt_draft (CgWindow   *self,
                       const char *draft_id)
{
  g_return_if_fail (CG_IS_WINDOW (self));
  g_return_if_fail (draft_id != NULL);

  cg_autosave_set_session (self->autosave, self->session, draft_id);
}

static void
file_version_details_cb (AdwToast *toast,
                         CgWindow *self)
{
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (self->session == NULL || cg_session_get_file (self->session) == NULL)
    return;
  name = g_file_get_basename (cg_session_get_file (self->session));
  /* The truth of it: the core keeps content in other namespaces, filed
   * under the element it sat on, and writes it back; content of something
   * removed goes with it (cg-session-xml-foreign.c). */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Made by a Newer Version"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” was made by a newer version of Common Ground. "
                                     "Everything this version knows is shown and can be edited. "
                                     "The parts it does not know are kept and written back when "
                                     "you save, except those of anything you remove, such as a "
                                     "partner."),
                                  name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cg_window_note_file_version (CgWindow *self)
{
  AdwToast *toast;

  g_return_if_fail (CG_IS_WINDOW (self));

  if (self->session == NULL || !cg_session_xml_get_newer_minor (self->session))
    return;
  /* Short, so that it is not cut off; the button tells the rest. */
  toast = adw_toast_new (_("Made by a newer version of Common Ground"));
  adw_toast_set_button_label (toast, _("_Details"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (file_version_details_cb), self, 0);
  /* It stays until dismissed: a facilitator busy with the room would miss
   * a few seconds' notice. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Actions ---------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  _cg_window_new_session (CG_WINDOW (widget));
}

static void
open_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  _cg_window_open (CG_WINDOW (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  _cg_window_save (CG_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  _cg_window_save_as (CG_WINDOW (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
_cg_window_class_init_files (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, CgWindow, recent_submenu);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close",
                                       NULL);
}

void
_cg_window_init_files (CgWindow *self)
{
  self->autosave = cg_autosave_new ();
  g_menu_append_section (self->recent_submenu, NULL, cg_recent_get_menu ());
}

void
_cg_window_dispose_files (CgWindow *self)
{
  /* Closing the window is a clean close: its draft goes now, even if a
   * write still holds the autosave. */
  if (self->autosave != NULL)
    cg_autosave_discard (self->autosave);
  g_clear_object (&self->autosave);
}
