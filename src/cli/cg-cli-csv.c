/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-cli-csv.c: the raw answers as CSV (common-ground --export-csv).
 *
 * One row per partner and item, every pair, answered or not, so that the
 * table is complete for study: statements of lessons 1-5 in order, each
 * lesson followed by the partner's comment on it (kind "comment", only when
 * there is one), then aims, then tasks. Answers use the file's words:
 * rating 1-5 or dont-know, involvement R, A, C, I or none; empty = no
 * answer. The partner's group (format 1.1) comes with every row, so that a
 * study can split the answers by it.
 */
#define G_LOG_DOMAIN "cg-cli"
#include "config.h"

#include "cg-cli-format.h"
#include "cg-cli-report.h"

enum {
  COL_PARTNER_ID,
  COL_PARTNER_NAME,
  COL_ORGANISATION,
  COL_ROLE,
  COL_GROUP,
  COL_KIND,
  COL_ITEM_ID,
  COL_LESSON,
  COL_ITEM_TEXT,
  COL_RATING,
  COL_INVOLVEMENT,
  COL_BELIEVES,
  COL_BELIEVES_NAME,
  COL_COMMENT,
  N_COLS
};

static const char *const header[N_COLS] = {
  "partner_id",
  "partner_name",
  "organisation",
  "role",
  "group",
  "kind",
  "item_id",
  "lesson",
  "item_text",
  "rating",
  "involvement",
  "believes_accountable",
  "believes_accountable_name",
  "comment",
};

typedef struct
{
  GString *out;
  CgSession *session;
  const CgPartner *partner;
  char *partner_ref;
} Export;

/* Emits a row: the partner's columns, then @cells from COL_KIND on,
 * freeing them. */
static void
emit (Export *e,
      char  **cells)
{
  const char *row[N_COLS] = { e->partner_ref, e->partner->name, e->partner->organisation,
                              e->partner->role, e->partner->group };

  for (int i = COL_KIND; i < N_COLS; i++)
    row[i] = cells[i];
  cg_csv_append_row (e->out, row, N_COLS);
  for (int i = COL_KIND; i < N_COLS; i++)
    g_free (cells[i]);
}

static void
export_item (Export       *e,
             const CgItem *item)
{
  char *cells[N_COLS] = { NULL };
  CgRating r = cg_session_get_rating (e->session, e->partner->id, item->id);
  gboolean aim = item->kind == CG_ITEM_AIM;

  cells[COL_KIND] = g_strdup (aim ? "aim" : "statement");
  cells[COL_ITEM_ID] = cg_report_item_ref (e->session, item->id);
  cells[COL_LESSON] = aim ? NULL : g_strdup_printf ("%u", item->lesson + 1);
  cells[COL_ITEM_TEXT] = g_strdup (item->text);
  cells[COL_RATING] = g_strdup (cg_rating_to_string (r));
  emit (e, cells);
}

static void
export_comment (Export *e,
                guint   lesson)
{
  const char *comment = cg_session_get_comment (e->session, e->partner->id, lesson);
  char *cells[N_COLS] = { NULL };

  if (*comment == '\0')
    return;
  cells[COL_KIND] = g_strdup ("comment");
  cells[COL_LESSON] = g_strdup_printf ("%u", lesson + 1);
  cells[COL_COMMENT] = g_strdup (comment);
  emit (e, cells);
}

static void
export_task (Export       *e,
             const CgTask *task)
{
  char *cells[N_COLS] = { NULL };
  CgInvolvement inv = cg_session_get_involvement (e->session, e->partner->id, task->id);
  guint named = cg_session_get_believed_accountable (e->session, e->partner->id, task->id);
  const CgPartner *named_partner = cg_session_lookup_partner (e->session, named);

  cells[COL_KIND] = g_strdup ("task");
  cells[COL_ITEM_ID] = cg_report_task_ref (task->id);
  cells[COL_ITEM_TEXT] = g_strdup (task->text);
  /* The file's word for "not involved", rather than the grid's dash. */
  cells[COL_INVOLVEMENT] =
    g_strdup (inv == CG_INVOLVEMENT_NONE ? "none" : cg_involvement_to_letter (inv));
  if (named_partner != NULL)
    {
      cells[COL_BELIEVES] = cg_report_partner_ref (named);
      cells[COL_BELIEVES_NAME] = g_strdup (named_partner->name);
    }
  emit (e, cells);
}

static void
export_partner (Export *e)
{
  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      for (guint i = 0; i < cg_session_get_n_statements (e->session, l); i++)
        export_item (e, cg_session_get_statement (e->session, l, i));
      export_comment (e, l);
    }
  for (guint i = 0; i < cg_session_get_n_aims (e->session); i++)
    export_item (e, cg_session_get_aim (e->session, i));
  for (guint i = 0; i < cg_session_get_n_tasks (e->session); i++)
    export_task (e, cg_session_get_task (e->session, i));
}

GString *
cg_export_answers_csv (CgSession *session)
{
  Export e = { g_string_new (NULL), session, NULL, NULL };

  g_return_val_if_fail (CG_IS_SESSION (session), e.out);

  cg_csv_append_row (e.out, header, N_COLS);
  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      e.partner = cg_session_get_partner (session, i);
      e.partner_ref = cg_report_partner_ref (e.partner->id);
      export_partner (&e);
      g_clear_pointer (&e.partner_ref, g_free);
    }
  return e.out;
}
