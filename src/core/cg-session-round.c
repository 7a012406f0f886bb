/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session-round.c: New Round, the same questions asked again.
 *
 * Ids are kept so that a comparison can match every item, task and partner
 * of the two rounds without guessing from their text.
 */
#define G_LOG_DOMAIN "cg-session"
#include "config.h"

#include "cg-session-private.h"

static void
copy_lessons (CgSession *round,
              CgSession *earlier)
{
  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      cg_session_set_lesson_intro (round, l, cg_session_get_lesson_intro (earlier, l));
      cg_session_set_lesson_prompts (round, l, cg_session_get_lesson_prompts (earlier, l));
      for (guint i = 0; i < cg_session_get_n_statements (earlier, l); i++)
        {
          const CgItem *item = cg_session_get_statement (earlier, l, i);

          cg_session_insert_statement (round, item->id, l, item->text);
        }
    }
}

static void
copy_entities (CgSession *round,
               CgSession *earlier)
{
  for (guint i = 0; i < cg_session_get_n_partners (earlier); i++)
    {
      const CgPartner *p = cg_session_get_partner (earlier, i);

      cg_session_insert_partner (round, p->id, p->name, p->organisation, p->role, p->colour);
      /* The group is who the partner speaks for, like the role: the review
       * of the new round compares groups as the first one did. */
      if (p->group != NULL && p->group[0] != '\0')
        cg_session_set_partner_field (round, p->id, CG_PARTNER_GROUP, p->group);
    }
  copy_lessons (round, earlier);
  for (guint i = 0; i < cg_session_get_n_aims (earlier); i++)
    {
      const CgItem *aim = cg_session_get_aim (earlier, i);

      cg_session_insert_aim (round, aim->id, aim->text, FALSE);
    }
  for (guint i = 0; i < cg_session_get_n_tasks (earlier); i++)
    {
      const CgTask *task = cg_session_get_task (earlier, i);

      cg_session_insert_task (round, task->id, task->text);
    }
}

CgSession *
cg_session_new_round (CgSession  *earlier,
                      const char *file_name,
                      GBytes     *file_bytes)
{
  g_autoptr (CgSession) round = NULL;
  g_autoptr (CgBaseline) baseline = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *base_name = NULL;

  g_return_val_if_fail (CG_IS_SESSION (earlier), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (file_bytes != NULL, NULL);

  round = cg_session_new ();
  cg_session_set_recording (round, FALSE);
  for (guint i = 0; i < CG_N_DETAILS; i++)
    cg_session_set_detail (round, (CgDetail) i, cg_session_get_detail (earlier, (CgDetail) i));
  cg_session_set_answers_hidden (round, cg_session_get_answers_hidden (earlier));
  cg_session_set_role_suggestions (round, cg_session_get_role_suggestions (earlier));
  copy_entities (round, earlier);
  cg_session_bump_next_id (round, cg_session_get_next_id (earlier));

  digest = cg_sha256_hex (file_bytes);
  base_name = g_path_get_basename (file_name);
  baseline = cg_baseline_new (cg_session_get_detail (earlier, CG_DETAIL_TITLE),
                              cg_session_get_detail (earlier, CG_DETAIL_DATE), base_name, digest);
  cg_session_set_baseline (round, baseline);

  cg_session_clear_history (round);
  cg_session_set_unmodified (round);
  cg_session_set_recording (round, TRUE);
  return g_steal_pointer (&round);
}
