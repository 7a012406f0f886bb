/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-about"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-about.h"

/* The published work the statements, prompts and analysis draw on, each
 * with what it informs. Our texts are written afresh; these are the sources
 * a facilitator may want to read or cite. */
static const char *const sources[] = {
  /* Translators: in these source lines keep authors and years as they are. */
  N_("Scottish Executive Social Research (2002): the Five Vital Lessons of partnership working"),
  N_("Audit Commission (1998): what a partnership is"),
  N_("Huxham and Vangen (2005): collaboration across organisations"),
  N_("Tastle and Wierman (2007): the consensus measure for ordinal answers"),
  N_("James, Demaree and Wolf (1984): agreement within a group (rwg)"),
  N_("Douglas (2008): the ladder of multi-agency working; roles and information sharing"),
  N_("McCormack et al. (2008): what unclear roles cost"),
  N_("Williamson (2001): what hinders partnerships"),
  N_("Cameron et al. (2012): what promotes joint working"),
  N_("Dowling, Glendinning and Powell (2004): criteria for a successful partnership"),
  N_("What Works Scotland (2015): key considerations for partnership working"),
};

static const char *const developers[] = { "The Common Ground contributors", NULL };

static void
add_sections (AdwAboutWindow *about)
{
  const char *translated[G_N_ELEMENTS (sources) + 1];

  for (gsize i = 0; i < G_N_ELEMENTS (sources); i++)
    translated[i] = _(sources[i]);
  translated[G_N_ELEMENTS (sources)] = NULL;
  adw_about_window_add_acknowledgement_section (about, _("Sources Behind the Content"),
                                                translated);
  adw_about_window_add_legal_section (about, _("Workshop Content"), NULL, GTK_LICENSE_CUSTOM,
                                      _("The statements, prompts, case studies and help "
                                         "texts in Common Ground are written by its "
                                         "contributors and shared under the same licence as "
                                         "the program. The sources listed under Credits "
                                         "informed them; none of their text is reproduced."));
}

void
cg_show_about (GtkWindow *parent)
{
  AdwAboutWindow *about;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  about = g_object_new (
    ADW_TYPE_ABOUT_WINDOW, "transient-for", parent, "modal", parent != NULL, "application-name",
    _("Common Ground"), "application-icon", APP_ID, "version", PACKAGE_VERSION, "developer-name",
    _("The Common Ground contributors"), "developers", developers, "artists", developers,
    "translator-credits", _("translator-credits"), "copyright",
    _("© 2026 The Common Ground contributors"), "license-type", GTK_LICENSE_GPL_3_0, "website",
    "https://commonground.github.io/", "issue-url",
    "https://github.com/commonground/common-ground/issues", "comments",
    _("Guides a facilitated partnership workshop: the Five "
       "Vital Lessons of partnership working, role clarity, "
       "where the room agrees and where it diverges, and the "
       "charter the partners sign."),
    NULL);
  add_sections (about);
  gtk_window_present (GTK_WINDOW (about));
}

void
cg_show_lessons_help (GtkWindow *parent)
{
  g_autoptr (GtkBuilder) builder = NULL;
  GtkWindow *window;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  builder =
    gtk_builder_new_from_resource ("/io/github/commonground/CommonGround/cg-lessons-help.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "lessons_help"));
  gtk_window_set_transient_for (window, parent);
  gtk_window_set_modal (window, parent != NULL);
  gtk_window_present (window);
}
