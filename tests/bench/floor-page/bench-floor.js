// The least an extension page can do to show an agenda's first row: the same first request the panel sends
// (`agenda/open`) to the same tab, then one row with the first meeting's key and title, as text.
const tabId = Number(new URLSearchParams(location.search).get('tab'));
chrome.tabs.sendMessage(tabId, { type: 'agenda/open' }).then((opening) => {
  const meeting = opening?.snapshot?.agenda?.meetings?.[0];
  const row = document.createElement('div');
  row.dataset.meetingKey = meeting?.key ?? '';
  row.textContent = meeting?.title ?? 'no meeting in the answer';
  document.getElementById('app').append(row);
});
