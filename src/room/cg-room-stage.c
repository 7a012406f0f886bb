/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-room-stage.c: what a seat sees of the facilitator's current stage
 * (GET api/stage, docs/ROOM.md "What a phone sees").
 *
 * Sealing lives here: a seat gets its own answers ("mine"), how many
 * partners answered, and, only once the session lets the stage's answers
 * be seen, what the projector shows (counts and the level). Nothing here
 * ever writes another partner's answer, comment, or name next to a value.
 */
#define G_LOG_DOMAIN "cg-room"
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cg-analysis.h"
#include "cg-room-private.h"

#define CTX "room"

typedef struct
{
  CgRoom *room;
  const char *lang;
} View;

/* GET api/stage --------------------------------------------------------------------- */

static const char *
stage_title (CgStage stage)
{
  /* The same words as cg_stage_get_title(), in English for any request. */
  static const char *const titles[CG_N_STAGES] = {
    N_("Session"),
    N_("Partners"),
    N_("Purpose and Leadership"),
    N_("Outcomes and Customer Focus"),
    N_("Culture and Communication"),
    N_("Managing for Performance"),
    N_("Learning and Innovation"),
    N_("Aims"),
    N_("Role Clarity"),
    N_("Review"),
    N_("Charter"),
  };

  return titles[stage];
}

static void
add_scale (View        *view,
           JsonBuilder *b,
           gboolean     importance)
{
  static const char *const agreement[] = {
    NC_("room", "Strongly disagree"),
    NC_("room", "Disagree"),
    NC_("room", "Neither agree nor disagree"),
    NC_("room", "Agree"),
    NC_("room", "Strongly agree"),
  };
  static const char *const importances[] = {
    NC_("room", "Not important"),
    NC_("room", "Slightly important"),
    NC_("room", "Moderately important"),
    NC_("room", "Very important"),
    NC_("room", "Essential"),
  };
  const char *const *labels = importance ? importances : agreement;

  json_builder_set_member_name (b, "scale");
  json_builder_begin_array (b);
  for (int v = 1; v <= CG_RATING_MAX; v++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "value");
      json_builder_add_int_value (b, v);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, cg_room_translate (view->lang, CTX, labels[v - 1]));
      json_builder_end_object (b);
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "value");
  json_builder_add_string_value (b, "dont-know");
  json_builder_set_member_name (b, "label");
  json_builder_add_string_value (b,
                                 cg_room_translate (view->lang, CTX, NC_("room", "Don’t know")));
  json_builder_end_object (b);
  json_builder_end_array (b);
}

static void
add_rating_value (JsonBuilder *b,
                  CgRating     rating)
{
  if (rating >= CG_RATING_1 && rating <= CG_RATING_5)
    json_builder_add_int_value (b, rating);
  else if (rating == CG_RATING_DONT_KNOW)
    json_builder_add_string_value (b, "dont-know");
  else
    json_builder_add_null_value (b);
}

static const char *
level_label (View   *view,
             CgLevel level)
{
  switch (level)
    {
    case CG_LEVEL_NOT_ENOUGH:
      return cg_room_translate (view->lang, NULL, N_("Not enough answers"));
    case CG_LEVEL_DIVERGENT: return cg_room_translate (view->lang, NULL, N_("Divergent"));
    case CG_LEVEL_PARTLY_AGREED: return cg_room_translate (view->lang, NULL, N_("Partly agreed"));
    case CG_LEVEL_AGREED:
    default:
      return cg_room_translate (view->lang, "level of agreement",
                                NC_("level of agreement", "Agreed"));
    }
}

/* After the reveal: what the projector shows, counts and the level. */
static void
add_item_room (View        *view,
               JsonBuilder *b,
               guint        item_id)
{
  g_autoptr (CgItemStats) stats = cg_analysis_item (view->room->session, item_id);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "counts");
  json_builder_begin_array (b);
  for (int v = 1; v <= CG_RATING_MAX; v++)
    json_builder_add_int_value (b, stats->counts[v]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "dont_know");
  json_builder_add_int_value (b, stats->n_dont_know);
  json_builder_set_member_name (b, "level");
  json_builder_add_string_value (b, cg_level_to_string (stats->level));
  json_builder_set_member_name (b, "label");
  json_builder_add_string_value (b, level_label (view, stats->level));
  json_builder_end_object (b);
}

static void
add_rated_items (View        *view,
                 JsonBuilder *b,
                 CgStage      stage,
                 guint        partner_id,
                 gboolean     revealed)
{
  CgSession *session = view->room->session;
  gboolean aims = stage == CG_STAGE_AIMS;
  guint n = aims ? cg_session_get_n_aims (session)
                 : cg_session_get_n_statements (session, CG_LESSON_FOR_STAGE (stage));

  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      const CgItem *item = aims
                             ? cg_session_get_aim (session, i)
                             : cg_session_get_statement (session, CG_LESSON_FOR_STAGE (stage), i);

      json_builder_begin_object (b);
      cg_room_json_add_id (b, "id", aims ? 'a' : 's', item->id);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, item->text);
      json_builder_set_member_name (b, "mine");
      add_rating_value (b, cg_session_get_rating (session, partner_id, item->id));
      json_builder_set_member_name (b, "room");
      if (revealed)
        add_item_room (view, b, item->id);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static const char *
involvement_code (CgInvolvement inv)
{
  return inv == CG_INVOLVEMENT_NONE ? "none" : cg_involvement_to_letter (inv);
}

static void
add_task_room (JsonBuilder *b,
               CgSession   *session,
               guint        task_id)
{
  g_autoptr (CgTaskStats) stats = cg_analysis_task (session, task_id);
  guint counts[CG_INVOLVEMENT_INFORMED + 1] = { 0 };

  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    counts[cg_session_get_involvement (session, cg_session_get_partner (session, i)->id,
                                       task_id)]++;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  for (CgInvolvement inv = CG_INVOLVEMENT_NONE; inv <= CG_INVOLVEMENT_INFORMED; inv++)
    {
      json_builder_set_member_name (b, involvement_code (inv));
      json_builder_add_int_value (b, counts[inv]);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "flags");
  json_builder_begin_array (b);
  if (stats->gap)
    json_builder_add_string_value (b, "gap");
  if (stats->overlap)
    json_builder_add_string_value (b, "overlap");
  if (stats->no_doer)
    json_builder_add_string_value (b, "no-doer");
  if (stats->mismatch)
    json_builder_add_string_value (b, "mismatch");
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_tasks (View        *view,
           JsonBuilder *b,
           guint        partner_id,
           gboolean     revealed)
{
  CgSession *session = view->room->session;
  static const char *const labels[] = {
    NULL,
    N_("Not involved"),
    N_("Responsible"),
    N_("Accountable"),
    N_("Consulted"),
    N_("Informed"),
  };

  json_builder_set_member_name (b, "scale");
  json_builder_begin_array (b);
  for (CgInvolvement inv = CG_INVOLVEMENT_RESPONSIBLE; inv <= CG_INVOLVEMENT_INFORMED + 1; inv++)
    {
      /* R A C I, then none last, as the keyboard grid offers them. */
      CgInvolvement shown = inv <= CG_INVOLVEMENT_INFORMED ? inv : CG_INVOLVEMENT_NONE;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, involvement_code (shown));
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, cg_room_translate (view->lang, NULL, labels[shown]));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "choices");
  json_builder_begin_array (b);
  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);

      json_builder_begin_object (b);
      cg_room_json_add_id (b, "id", 'p', p->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, p->name);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < cg_session_get_n_tasks (session); i++)
    {
      const CgTask *task = cg_session_get_task (session, i);
      CgInvolvement inv = cg_session_get_involvement (session, partner_id, task->id);
      guint believed = cg_session_get_believed_accountable (session, partner_id, task->id);

      json_builder_begin_object (b);
      cg_room_json_add_id (b, "id", 't', task->id);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, task->text);
      json_builder_set_member_name (b, "mine");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "involvement");
      if (inv == CG_INVOLVEMENT_UNSET)
        json_builder_add_null_value (b);
      else
        json_builder_add_string_value (b, involvement_code (inv));
      if (believed != 0)
        cg_room_json_add_id (b, "believes_accountable", 'p', believed);
      else
        {
          json_builder_set_member_name (b, "believes_accountable");
          json_builder_add_null_value (b);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "room");
      if (revealed)
        add_task_room (b, session, task->id);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_lesson_texts (View        *view,
                  JsonBuilder *b,
                  guint        lesson,
                  guint        partner_id)
{
  CgSession *session = view->room->session;
  const char *const *prompts = cg_session_get_lesson_prompts (session, lesson);
  const char *comment = cg_session_get_comment (session, partner_id, lesson);

  json_builder_set_member_name (b, "intro");
  json_builder_add_string_value (b, cg_session_get_lesson_intro (session, lesson));
  json_builder_set_member_name (b, "prompts");
  json_builder_begin_array (b);
  for (guint i = 0; prompts != NULL && prompts[i] != NULL; i++)
    json_builder_add_string_value (b, prompts[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "comment");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "lesson");
  json_builder_add_int_value (b, lesson + 1);
  json_builder_set_member_name (b, "mine");
  if (comment[0] != '\0')
    json_builder_add_string_value (b, comment);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
}

JsonNode *
cg_room_stage_view (CgRoom     *room,
                    guint       partner_id,
                    const char *lang)
{
  View view_data = { room, lang };
  View *view = &view_data;
  CgSession *session = room->session;
  CgStage stage = cg_session_get_current_stage (session);
  gboolean answerable =
    CG_STAGE_IS_LESSON (stage) || stage == CG_STAGE_AIMS || stage == CG_STAGE_ROLES;
  gboolean revealed = answerable && cg_session_answers_visible (session, stage);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  const char *kind = CG_STAGE_IS_LESSON (stage) ? "rating"
                     : stage == CG_STAGE_AIMS   ? "importance"
                     : stage == CG_STAGE_ROLES  ? "roles"
                                                : "wait";

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, (gint64) view->room->version);
  json_builder_set_member_name (b, "stage");
  json_builder_add_string_value (b, cg_stage_to_string (stage));
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, kind);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, cg_room_translate (view->lang, NULL, stage_title (stage)));
  if (CG_STAGE_IS_LESSON (stage))
    add_lesson_texts (view, b, CG_LESSON_FOR_STAGE (stage), partner_id);
  else
    {
      json_builder_set_member_name (b, "intro");
      json_builder_add_string_value (
        b,
        cg_room_translate (
          view->lang, CTX,
          stage == CG_STAGE_AIMS ? NC_("room", "How important is each aim to you?")
          : stage == CG_STAGE_ROLES
            ? NC_("room",
                   "For each task: what is your part in it, and who do you believe is Accountable?")
            : NC_(
                "room",
                "Nothing to answer on your phone just now: the facilitator will bring the questions here.")));
    }
  if (CG_STAGE_IS_LESSON (stage) || stage == CG_STAGE_AIMS)
    {
      add_scale (view, b, stage == CG_STAGE_AIMS);
      add_rated_items (view, b, stage, partner_id, revealed);
    }
  else if (stage == CG_STAGE_ROLES)
    add_tasks (view, b, partner_id, revealed);
  json_builder_set_member_name (b, "answered");
  json_builder_add_int_value (
    b, answerable ? cg_session_count_answered_partners (session, cg_stage_to_string (stage)) : 0);
  json_builder_set_member_name (b, "partners");
  json_builder_add_int_value (b, cg_session_get_n_partners (session));
  json_builder_set_member_name (b, "revealed");
  json_builder_add_boolean_value (b, revealed);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
