/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-print.h: printing the charter through GTK's print dialog.
 *
 * The pages are the charter layout's, laid out for the paper and
 * orientation chosen in the dialog, with the print context's own Pango
 * context; margins, running header and page numbers are the layout's.
 */
#pragma once

#include <gtk/gtk.h>

#include "cg-page-layout.h"
#include "cg-session.h"

G_BEGIN_DECLS

/* Shows the print dialog (with page setup) over @parent and prints.
 * The dialog starts on @paper, the paper chosen on the Charter page (the
 * PDF exports use it too); the person printing may change it there.
 * Errors are shown to the user in a dialog. */
void cg_print_charter (GtkWindow *parent, CgSession *session, CgPaperSize paper);

/* Prints without a dialog to the PDF file @path through GtkPrintOperation's
 * export path (needs a display). @page_setup may be NULL (A4 or Letter,
 * as the locale expects). */
gboolean cg_print_charter_to_file (CgSession *session,
                                   GtkPageSetup *page_setup,
                                   const char *path,
                                   GError **error);

G_END_DECLS
