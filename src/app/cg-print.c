/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-print"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cg-charter-content.h"
#include "cg-charter-layout.h"
#include "cg-print.h"

/* Remembered for the life of the process, as gnome-text-editor does, so a
 * second print starts from the printer and orientation chosen the first
 * time; the paper is the Charter page's each time. */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                CgSession         *session)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  CgCharterLayout *layout;
  CgPageMargins margins;
  double top, bottom, left, right;

  /* Our margins, widened where the printer cannot reach. */
  cg_page_margins_init_default (&margins);
  if (gtk_print_context_get_hard_margins (context, &top, &bottom, &left, &right))
    {
      margins.top = MAX (margins.top, top + 36.0);
      margins.bottom = MAX (margins.bottom, bottom + 36.0);
      margins.left = MAX (margins.left, left);
      margins.right = MAX (margins.right, right);
    }
  layout = cg_charter_layout_new_for_context (session, pango, gtk_print_context_get_width (context),
                                              gtk_print_context_get_height (context), &margins);
  g_object_unref (pango);
  g_object_set_data_full (G_OBJECT (operation), "cg-layout", layout, g_object_unref);
  gtk_print_operation_set_n_pages (operation, (int) cg_charter_layout_get_n_pages (layout));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           data)
{
  CgCharterLayout *layout = g_object_get_data (G_OBJECT (operation), "cg-layout");

  cg_charter_layout_render_page (layout, gtk_print_context_get_cairo_context (context),
                                 (guint) page);
}

/* The last page setup (or a new one) on @paper. */
static GtkPageSetup *
page_setup_on (CgPaperSize paper)
{
  GtkPageSetup *setup =
    last_page_setup != NULL ? gtk_page_setup_copy (last_page_setup) : gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) size =
    gtk_paper_size_new (paper == CG_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, size);
  return setup;
}

static GtkPrintOperation *
new_operation (CgSession    *session,
               GtkPageSetup *page_setup)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autofree char *title = cg_charter_dup_text (session, CG_CHARTER_TITLE);

  /* Points from the paper's corner: the layout's own coordinates. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, title);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), session, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), NULL);
  return operation;
}

void
cg_print_charter (GtkWindow  *parent,
                  CgSession  *session,
                  CgPaperSize paper)
{
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GtkPageSetup) page_setup = page_setup_on (paper);
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (CG_IS_SESSION (session));

  operation = new_operation (session, page_setup);
  result =
    gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_clear_object (&last_settings);
      last_settings = gtk_print_settings_copy (gtk_print_operation_get_print_settings (operation));
      /* The paper comes from the Charter page, not from the last print. */
      gtk_print_settings_unset (last_settings, GTK_PRINT_SETTINGS_PAPER_FORMAT);
      gtk_print_settings_unset (last_settings, GTK_PRINT_SETTINGS_PAPER_WIDTH);
      gtk_print_settings_unset (last_settings, GTK_PRINT_SETTINGS_PAPER_HEIGHT);
      g_set_object (&last_page_setup, gtk_print_operation_get_default_page_setup (operation));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog =
        adw_message_dialog_new (parent, _("Could Not Print the Charter"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

gboolean
cg_print_charter_to_file (CgSession    *session,
                          GtkPageSetup *page_setup,
                          const char   *path,
                          GError      **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GtkPageSetup) fallback = NULL;

  g_return_val_if_fail (CG_IS_SESSION (session), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (page_setup == NULL)
    page_setup = fallback = page_setup_on (cg_paper_size_for_locale ());
  operation = new_operation (session, page_setup);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}
