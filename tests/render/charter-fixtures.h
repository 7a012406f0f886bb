/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-fixtures.h: sessions built in code for the charter and report tests. */
#pragma once

#include "cg-session.h"

G_BEGIN_DECLS

/* Four partners (one with an Arabic name, one with a Hebrew organisation),
 * five aims of which three agreed, four tasks: one clear, one settled by the
 * facilitator, one overlap, one gap; one divergent statement. */
CgSession *charter_fixture_sample (void);

/* 30 partners, 40 aims (all agreed), 30 tasks and 2,000-character texts in
 * names, aims, tasks and free text, for pagination. */
CgSession *charter_fixture_stress (void);

/* Text of @len characters made of words, beginning with @tag. */
char *charter_fixture_long_text (const char *tag, guint len);

G_END_DECLS
