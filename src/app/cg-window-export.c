/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-window-export.c: the window's Print Charter and Export as PDF actions. */
#define G_LOG_DOMAIN "cg-window"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-charter-content.h"
#include "cg-charter-layout.h"
#include "cg-charter-page.h"
#include "cg-print.h"
#include "cg-report-layout.h"
#include "cg-window-private.h"

typedef enum {
  EXPORT_CHARTER,
  EXPORT_REPORT,
} ExportKind;

/* The paper the charter preview shows; the locale's when there is none. */
static CgPaperSize
chosen_paper (CgWindow *self)
{
  GtkWidget *page = self->pages[CG_STAGE_CHARTER];

  if (page != NULL && CG_IS_CHARTER_PAGE (page))
    return cg_charter_page_get_paper (CG_CHARTER_PAGE (page));
  return cg_paper_size_for_locale ();
}

static void
print_charter (CgWindow *self)
{
  if (self->session != NULL)
    cg_print_charter (GTK_WINDOW (self), self->session, chosen_paper (self));
}

static void
show_result (CgWindow     *self,
             GFile        *file,
             const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  AdwToast *toast;

  if (error != NULL)
    {
      GtkWidget *dialog =
        adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the PDF"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  toast = adw_toast_new_format (_("Saved “%s”"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    CgWindow        *self)
{
  ExportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "cg-export-kind"));

  if (response == GTK_RESPONSE_ACCEPT && self->session != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("PDFs can only be written to a local folder."));
      else if (kind == EXPORT_CHARTER)
        cg_charter_export_pdf (self->session, path, chosen_paper (self), &error);
      else
        cg_report_export_pdf (self->session, path, chosen_paper (self), &error);
      show_result (self, file, error);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static char *
suggested_pdf_name (CgSession *session,
                    ExportKind kind)
{
  g_autofree char *title = cg_charter_dup_text (session, CG_CHARTER_TITLE);

  g_strdelimit (title, "/\\", '-');
  /* TRANSLATORS: file names; %s is the charter's or session's title */
  return g_strdup_printf (kind == EXPORT_CHARTER ? _("%s - charter.pdf") : _("%s - results.pdf"),
                          title);
}

static void
export_pdf (CgWindow  *self,
            ExportKind kind)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (self->session == NULL)
    return;
  native = gtk_file_chooser_native_new (
    kind == EXPORT_CHARTER ? _("Export Charter as PDF") : _("Export Results Report as PDF"),
    GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* The PDF goes beside the session's file unless the facilitator says
   * otherwise, as Save As starts there. */
  if (cg_session_get_file (self->session) != NULL)
    {
      g_autoptr (GFile) folder = g_file_get_parent (cg_session_get_file (self->session));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  name = suggested_pdf_name (self->session, kind);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data (G_OBJECT (native), "cg-export-kind", GINT_TO_POINTER (kind));
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
print_charter_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  print_charter (CG_WINDOW (widget));
}

static void
export_charter_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  export_pdf (CG_WINDOW (widget), EXPORT_CHARTER);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  export_pdf (CG_WINDOW (widget), EXPORT_REPORT);
}

void
_cg_window_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print-charter", NULL, print_charter_action);
  gtk_widget_class_install_action (widget_class, "win.export-charter-pdf", NULL,
                                   export_charter_action);
  gtk_widget_class_install_action (widget_class, "win.export-report-pdf", NULL,
                                   export_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print-charter", NULL);
}
