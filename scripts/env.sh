# Environment shared by every make target. Values already set in the environment win.
export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-2}
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
export ACTION_SERVER_PORT=${ACTION_SERVER_PORT:-5055}
export RASA_PORT=${RASA_PORT:-5005}
export WEBCHAT_PORT=${WEBCHAT_PORT:-8080}
export ACTION_SERVER_URL=${ACTION_SERVER_URL:-http://localhost:$ACTION_SERVER_PORT/webhook}
export TRACKER_DB=${TRACKER_DB:-$PWD/build/tracker.db}
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export PYTHONWARNINGS=${PYTHONWARNINGS:-ignore::DeprecationWarning,ignore::PendingDeprecationWarning}
