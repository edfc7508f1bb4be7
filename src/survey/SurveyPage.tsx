/**
 * The class survey's pages (loaded on demand): setting a survey up, its QR code and the
 * collected answers, and a student's phone answering it.
 */
import { useMemo } from 'react';
import { AnswerCollector } from './AnswerCollector';
import { SurveyInvite } from './SurveyInvite';
import { SurveySetup } from './SurveySetup';
import { SurveyTake } from './SurveyTake';
import { decodeSurveyToken } from './surveySpec';
import type { SurveyRoute } from './surveyRoute';
import '../share/share.css';
import './survey.css';

function BrokenLink({ error, student }: { error: string; student: boolean }) {
  return (
    <section className="panel survey-broken" role="alert">
      <h2>This survey cannot be opened</h2>
      <p>{error}</p>
      <p>{student ? 'Ask your instructor for the link or QR code again.' : <a href="#/survey">Set up a new survey</a>}</p>
    </section>
  );
}

export default function SurveyPage({ route }: { route: SurveyRoute }) {
  const token = route.page === 'setup' ? null : route.token;
  const decoded = useMemo(() => (token === null ? null : decodeSurveyToken(token)), [token]);
  if (route.page === 'setup' || !decoded) return <SurveySetup />;
  if (route.page === 'take')
    return (
      <div className="take-page">
        <header className="take-header">
          <h1>
            <span className="take-brand">MF Lab</span> Class survey{decoded.ok ? ` ${decoded.survey.id}` : ''}
          </h1>
        </header>
        <main id="main-content" className="take-main" tabIndex={-1}>
          {decoded.ok ? (
            <SurveyTake key={decoded.survey.id} survey={decoded.survey} />
          ) : (
            <BrokenLink error={decoded.error} student />
          )}
        </main>
      </div>
    );
  if (!decoded.ok) return <BrokenLink error={decoded.error} student={false} />;
  return (
    <div className="survey-collect" key={decoded.survey.id}>
      <SurveyInvite survey={decoded.survey} />
      <AnswerCollector survey={decoded.survey} />
      <p>
        <a href="#/survey">‹ Set up another survey</a>
      </p>
    </div>
  );
}
