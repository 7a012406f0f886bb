/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-charter"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-analysis.h"
#include "cg-charter-content.h"
#include "cg-charter-layout.h"

struct _CgCharterLayout
{
  GObject parent_instance;

  /* Owned */
  CgPageLayout *pages;
};

G_DEFINE_FINAL_TYPE (CgCharterLayout, cg_charter_layout, G_TYPE_OBJECT)

static void
cg_charter_layout_finalize (GObject *object)
{
  CgCharterLayout *self = CG_CHARTER_LAYOUT (object);

  g_clear_object (&self->pages);
  G_OBJECT_CLASS (cg_charter_layout_parent_class)->finalize (object);
}

static void
cg_charter_layout_class_init (CgCharterLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_charter_layout_finalize;
}

static void
cg_charter_layout_init (CgCharterLayout *self)
{
}

/* Sections ------------------------------------------------------------------ */

static void
add_front (CgPageLayout *doc,
           CgSession    *session,
           const char   *title)
{
  g_autofree char *date = cg_charter_format_date (cg_session_get_detail (session, CG_DETAIL_DATE));
  const char *facilitator = cg_session_get_detail (session, CG_DETAIL_FACILITATOR);
  g_autoptr (GString) line = g_string_new (NULL);

  cg_page_layout_add_paragraph (doc, CG_TEXT_KICKER, _("PARTNERSHIP CHARTER"));
  cg_page_layout_add_title (doc, title);
  if (date != NULL)
    g_string_append_printf (line, _("Agreed on %s"), date);
  if (*facilitator != '\0')
    {
      if (line->len > 0)
        g_string_append (line, "  ·  ");
      g_string_append_printf (line, _("Facilitated by %s"), facilitator);
    }
  if (line->len > 0)
    cg_page_layout_add_paragraph (doc, CG_TEXT_SUBTITLE, line->str);
}

static void
add_field (CgPageLayout  *doc,
           CgSession     *session,
           CgCharterField field,
           gboolean       bullets)
{
  g_autofree char *text = cg_charter_dup_text (session, field);

  cg_page_layout_add_heading (doc, cg_charter_field_get_title (field));
  if (g_strstrip (text)[0] == '\0')
    {
      cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, _("Nothing written."));
      return;
    }
  cg_page_layout_add_text (doc, text, bullets);
}

static void
add_partners (CgPageLayout *doc,
              CgSession    *session)
{
  static const double weights[] = { 3, 3, 2.5 };
  const char *headers[] = { _("Name"), _("Organisation"), _("Role") };
  guint n = cg_session_get_n_partners (session);
  g_autofree char *note = NULL;

  cg_page_layout_add_heading (doc, _("Partners"));
  if (n == 0)
    {
      cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, _("No partners have been added."));
      return;
    }
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u partner, keeping %u working relationship alive.",
                                       "%u partners, keeping %u working relationships alive.", n),
                          n, n * (n - 1) / 2);
  cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, note);
  cg_page_layout_begin_table (doc, 3, weights, headers);
  for (guint i = 0; i < n; i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);
      const char *cells[] = { p->name, p->organisation, p->role };

      cg_page_layout_add_row (doc, cells);
    }
  cg_page_layout_end_table (doc);
}

static void
add_aims (CgPageLayout *doc,
          CgSession    *session)
{
  g_autoptr (GArray) aims = cg_charter_get_agreed_aims (session);

  cg_page_layout_add_heading (doc, _("Agreed aims"));
  if (aims->len == 0)
    {
      cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, _("No aims were marked agreed."));
      return;
    }
  cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, _("In order of importance to the partners."));
  for (guint i = 0; i < aims->len; i++)
    {
      const CgItem *aim = cg_session_lookup_item (session, g_array_index (aims, guint, i));
      g_autofree char *marker = g_strdup_printf ("%u.", i + 1);

      cg_page_layout_add_list_item (doc, marker, aim->text);
    }
}

static char *
accountable_text (CgSession         *session,
                  guint              task_id,
                  const CgTaskStats *stats)
{
  guint lead = cg_charter_get_accountable (session, task_id);
  g_autofree char *claimants = NULL;

  if (lead != 0)
    return g_strdup (cg_session_lookup_partner (session, lead)->name);
  if (stats == NULL || stats->accountable->len == 0)
    return g_strdup (_("Not agreed yet"));
  claimants = cg_charter_join_partner_names (session, stats->accountable);
  return g_strdup_printf (_("Not agreed yet (claimed by %s)"), claimants);
}

static void
add_roles (CgPageLayout *doc,
           CgSession    *session)
{
  static const double weights[] = { 4, 2.5, 3 };
  const char *headers[] = { _("Task"), _("Accountable"), _("Responsible") };
  guint n = cg_session_get_n_tasks (session);

  cg_page_layout_add_heading (doc, _("Roles and responsibilities"));
  if (n == 0)
    {
      cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, _("No tasks were listed."));
      return;
    }
  cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE,
                                _("Accountable: owns the outcome, one partner per task. "
                                   "Responsible: does the work."));
  cg_page_layout_begin_table (doc, 3, weights, headers);
  for (guint i = 0; i < n; i++)
    {
      const CgTask *task = cg_session_get_task (session, i);
      g_autoptr (CgTaskStats) stats = cg_analysis_task (session, task->id);
      g_autofree char *lead = accountable_text (session, task->id, stats);
      g_autofree char *doers = NULL;
      const char *cells[3];

      if (stats != NULL && stats->responsible->len > 0)
        doers = cg_charter_join_partner_names (session, stats->responsible);
      cells[0] = task->text;
      cells[1] = lead;
      cells[2] = doers != NULL ? doers : _("Nobody named");
      cg_page_layout_add_row (doc, cells);
    }
  cg_page_layout_end_table (doc);
}

static void
add_review (CgPageLayout *doc,
            CgSession    *session)
{
  g_autofree char *date = cg_charter_dup_text (session, CG_CHARTER_REVIEW_DATE);
  g_autofree char *learning = cg_charter_dup_text (session, CG_CHARTER_LEARNING);

  cg_page_layout_add_heading (doc, _("Review and learning"));
  cg_page_layout_add_subheading (doc, _("Next review"));
  cg_page_layout_add_text (doc, date, FALSE);
  cg_page_layout_add_subheading (doc, _("How we learn"));
  cg_page_layout_add_text (doc, learning, FALSE);
}

static void
add_signatures (CgPageLayout *doc,
                CgSession    *session)
{
  guint n = cg_session_get_n_partners (session);
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autoptr (GPtrArray) orgs = g_ptr_array_new_with_free_func (g_free);

  cg_page_layout_add_heading (doc, _("Signatures"));
  cg_page_layout_add_paragraph (doc, CG_TEXT_BODY,
                                _("By signing, each partner agrees to this charter and to "
                                   "working with the others on what is still to resolve."));
  for (guint i = 0; i < n; i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);

      names[i] = p->name;
      /* Who signs in which capacity: "Head teacher, Riverside Primary School". */
      if (*p->role != '\0' && *p->organisation != '\0')
        g_ptr_array_add (orgs, g_strdup_printf (_("%s, %s"), p->role, p->organisation));
      else
        g_ptr_array_add (orgs, g_strdup (*p->role != '\0' ? p->role : p->organisation));
    }
  /* The heading and its sentence never end a page without a signature. */
  cg_page_layout_keep_with_next (doc);
  cg_page_layout_add_signatures (doc, n, names, (const char *const *) orgs->pdata);
}

static void
build (CgPageLayout *doc,
       CgSession    *session)
{
  g_autofree char *title = cg_charter_dup_text (session, CG_CHARTER_TITLE);

  cg_page_layout_set_running_header (doc, title);
  add_front (doc, session, title);
  add_field (doc, session, CG_CHARTER_PURPOSE, FALSE);
  add_partners (doc, session);
  add_aims (doc, session);
  add_roles (doc, session);
  add_field (doc, session, CG_CHARTER_GROUND_RULES, TRUE);
  add_field (doc, session, CG_CHARTER_MEASURES, TRUE);
  add_review (doc, session);
  add_field (doc, session, CG_CHARTER_WORK_ON, TRUE);
  add_field (doc, session, CG_CHARTER_STILL_TO_RESOLVE, TRUE);
  add_signatures (doc, session);
}

/* Public -------------------------------------------------------------------- */

CgCharterLayout *
cg_charter_layout_new_for_context (CgSession           *session,
                                   PangoContext        *context,
                                   double               page_width,
                                   double               page_height,
                                   const CgPageMargins *margins)
{
  CgCharterLayout *self;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), NULL);

  self = g_object_new (CG_TYPE_CHARTER_LAYOUT, NULL);
  self->pages = cg_page_layout_new (context, page_width, page_height, margins);
  build (self->pages, session);
  return self;
}

CgCharterLayout *
cg_charter_layout_new (CgSession           *session,
                       double               page_width,
                       double               page_height,
                       const CgPageMargins *margins)
{
  return cg_charter_layout_new_for_context (session, NULL, page_width, page_height, margins);
}

guint
cg_charter_layout_get_n_pages (CgCharterLayout *self)
{
  g_return_val_if_fail (CG_IS_CHARTER_LAYOUT (self), 0);
  return cg_page_layout_get_n_pages (self->pages);
}

void
cg_charter_layout_render_page (CgCharterLayout *self,
                               cairo_t         *cr,
                               guint            page)
{
  g_return_if_fail (CG_IS_CHARTER_LAYOUT (self));
  cg_page_layout_render_page (self->pages, cr, page);
}

CgPageLayout *
cg_charter_layout_get_pages (CgCharterLayout *self)
{
  g_return_val_if_fail (CG_IS_CHARTER_LAYOUT (self), NULL);
  return self->pages;
}

gboolean
cg_charter_export_pdf (CgSession  *session,
                       const char *path,
                       CgPaperSize paper,
                       GError    **error)
{
  g_autoptr (CgCharterLayout) layout = NULL;
  double width, height;

  g_return_val_if_fail (CG_IS_SESSION (session), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  cg_paper_size_get_size (paper, &width, &height);
  layout = cg_charter_layout_new (session, width, height, NULL);
  return cg_page_layout_write_pdf (layout->pages, path, error);
}
