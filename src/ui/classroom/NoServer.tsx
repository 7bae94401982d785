/** What a page served by a plain static host says instead of a live session. */
export function NoServer({ who }: { readonly who: 'student' | 'instructor' }) {
  return (
    <div className="classroom-card" role="status" data-testid="classroom.no-server">
      <h2>Live class sessions need the classroom server</h2>
      {who === 'instructor' ? (
        <p>
          Run <code>npm run classroom</code> on your machine (after <code>npm run build</code>) and open the
          instructor link it prints. It serves the lab on your local network and relays quizzes between your
          screen and your students' devices.
        </p>
      ) : (
        <p>
          This copy of the lab is not connected to a classroom server. Ask your instructor for the network
          link printed by <code>npm run classroom</code>.
        </p>
      )}
      <p className="muted">Every quiz in the course still works on its own, for one person, without it.</p>
    </div>
  );
}
